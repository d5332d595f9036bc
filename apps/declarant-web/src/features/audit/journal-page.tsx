// `/journal` (administrators): the audit log, newest first, paged with "Plus ancien".
import { useEffect, useState } from 'react';
import type { AuditPage } from '@passerelle/contracts';
import { ApiError } from '../../api/client';
import { listAuditEvents } from '../../api/endpoints';
import { ErrorAlert } from '../../shared/alerts';
import { AuditTable } from './audit-table';
import { Loading, Page } from '../../shared/page';
import { errorText } from '../../shared/errors';
import { adminOnlyMessage } from '../../shared/messages';

/** The audit log page; `cursors` holds the cursor of every page visited (undefined = newest). */
export function JournalPage() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const cursor = cursors.at(-1);

  useEffect(() => {
    let active = true;
    setLoading(true);
    setError(null);
    listAuditEvents({ cursor })
      .then(
        (answer) => active && setPage(answer),
        (caught: unknown) => {
          if (!active) return;
          const forbidden = caught instanceof ApiError && caught.code === 'FORBIDDEN';
          setError(forbidden ? adminOnlyMessage : errorText(caught));
        },
      )
      .finally(() => active && setLoading(false));
    return () => {
      active = false;
    };
  }, [cursor, cursors.length]);

  const nextCursor = page?.nextCursor ?? null;
  return (
    <Page title="Journal d’audit">
      <p>Les actions sur les comptes et les connexions, de la plus récente à la plus ancienne.</p>
      <ErrorAlert message={error} />
      {page === null ? loading && <Loading /> : <AuditTable events={page.items} />}
      <div className="pager">
        <button
          type="button"
          className="button"
          disabled={loading || cursors.length === 1}
          onClick={() => setCursors((list) => list.slice(0, -1))}
        >
          Plus récent
        </button>
        <button
          type="button"
          className="button"
          disabled={loading || nextCursor === null}
          onClick={() => nextCursor !== null && setCursors((list) => [...list, nextCursor])}
        >
          Plus ancien
        </button>
      </div>
    </Page>
  );
}
