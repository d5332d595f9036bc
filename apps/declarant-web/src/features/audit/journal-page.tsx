// `/journal` (administrators): the audit log, newest first, paged with "Plus ancien".
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { listAuditEvents } from '../../api/endpoints';
import { ErrorAlert } from '../../shared/alerts';
import { AuditTable } from './audit-table';
import { Loading, Page } from '../../shared/page';
import { errorText } from '../../shared/errors';
import { adminOnlyMessage } from '../../shared/messages';

/** A refusal of the log, in French: not an administrator any more, or errors.ts's sentence. */
function journalErrorText(caught: unknown): string | null {
  const forbidden = caught instanceof ApiError && caught.code === 'FORBIDDEN';
  return forbidden ? adminOnlyMessage : errorText(caught);
}

/** The audit log page; `cursors` holds the cursor of every page visited (undefined = newest). */
export function JournalPage() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const read = useQuery({
    queryKey: ['audit-events', cursor, cursors.length],
    queryFn: () => listAuditEvents({ cursor }),
    // The page shown stays until the next one arrives.
    placeholderData: keepPreviousData,
  });
  const page = read.data ?? null;
  const loading = read.isFetching;
  const error = read.error === null ? null : journalErrorText(read.error);

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
