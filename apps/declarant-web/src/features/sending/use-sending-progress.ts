// A batch's progress, asked every second until every transmission is final: what feeds the
// progress bar after "Signer et envoyer".
import { useEffect, useState } from 'react';
import type { SendingProgress } from '@passerelle/contracts';
import { ApiError } from '../../api/client';
import { getSending } from '../../api/sending-endpoints';
import { errorText } from '../../shared/errors';
import { startPolling } from '../../shared/poller';

/** How often the progress is asked while the batch runs. */
export const SENDING_POLL_MS = 1000;

/** The latest progress (starting from the 202 answer's) and the last failure to read it. */
export function useSendingProgress(initial: SendingProgress): {
  progress: SendingProgress;
  error: string | null;
} {
  const [progress, setProgress] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (initial.done) return;
    return startPolling({
      load: () => getSending(initial.id),
      intervalMs: SENDING_POLL_MS,
      onData: (next) => {
        setProgress(next);
        setError(null);
        return !next.done;
      },
      onError: (caught) => {
        setError(errorText(caught));
        // A lost session sends the user to the sign-in page; an unknown batch will not appear.
        return !(caught instanceof ApiError && (caught.handled || caught.code === 'NOT_FOUND'));
      },
    });
  }, [initial]);

  return { progress, error };
}
