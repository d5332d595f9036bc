// Around a paged list: its failure or "Chargement…", how many there are, how many are shown out
// of how many, and "Charger plus".
import type { ReactNode } from 'react';
import { ErrorAlert } from './alerts';
import { formatCount, formatNumber } from './format';
import { Loading } from './page';
import type { PagedList } from './use-paged-list';

/** The list's noun, singular and plural ("déclaration", "déclarations"). */
type Noun = readonly [string, string];

/** The list's failure, "Chargement…" until its first page, then `children` with its items. */
export function ListState<T>({
  list,
  children,
}: {
  list: PagedList<T>;
  children: (items: T[]) => ReactNode;
}) {
  return (
    <>
      <ErrorAlert message={list.error} />
      {list.items === null ? list.error === null && <Loading /> : children(list.items)}
    </>
  );
}

/** "50 sur 1 234 déclarations" and "Charger plus" while more pages remain. */
export function ListFooter<T>({ list, noun }: { list: PagedList<T>; noun: Noun }) {
  const shown = list.items?.length ?? 0;
  const { total, hasMore, loadingMore: loading } = list;
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
          onClick={list.loadMore}
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
export function ListCount({ total, noun }: { total: number | null; noun: Noun }) {
  if (total === null) return null;
  return <p className="list-count">{formatCount(total, noun[0], noun[1])}</p>;
}
