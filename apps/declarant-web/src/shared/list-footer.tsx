// Under a paged list: how many are shown out of how many, and "Charger plus".
import { formatCount, formatNumber } from './format';

interface ListFooterProps {
  shown: number;
  total: number | null;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
  /** The list's noun, singular and plural ("déclaration", "déclarations"). */
  noun: readonly [string, string];
}

/** "50 sur 1 234 déclarations" and "Charger plus" while more pages remain. */
export function ListFooter({ shown, total, hasMore, loading, onMore, noun }: ListFooterProps) {
  if (!hasMore && (total === null || shown >= total)) return null;
  const [singular, plural] = noun;
  const whole = Math.max(total ?? shown, shown);
  return (
    <div className="list-footer">
      <p aria-live="polite">
        {formatNumber(shown)} sur {formatCount(whole, singular, plural)}
      </p>
      {hasMore && (
        <button
          type="button"
          className="button"
          onClick={onMore}
          disabled={loading}
          aria-busy={loading}
        >
          {loading ? 'Chargement…' : 'Charger plus'}
        </button>
      )}
    </div>
  );
}

/** "1 234 dossiers" above a list, once its count is known. */
export function ListCount({
  total,
  noun,
}: {
  total: number | null;
  noun: readonly [string, string];
}) {
  if (total === null) return null;
  return <p className="list-count">{formatCount(total, noun[0], noun[1])}</p>;
}
