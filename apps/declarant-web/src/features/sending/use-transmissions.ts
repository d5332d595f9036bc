// A declaration's transmissions for "Suivi des envois", asked again every few seconds while one
// of them is not final (the worker delivers, the partner and the DGFiP answer meanwhile).
import { useCallback, useEffect, useState } from 'react';
import type { Transmission } from '@passerelle/contracts';
import { ApiError } from '../../api/client';
import { listTransmissions } from '../../api/sending-endpoints';
import { errorText } from '../../shared/errors';
import { startPolling } from '../../shared/poller';
import { awaitsNews } from './transmission-labels';

/** How often the transmissions are asked while one is not final. */
export const TRANSMISSIONS_POLL_MS = 3000;

/** The transmissions (null until loaded), the last failure, and how to show a changed one. */
export interface TransmissionsState {
  transmissions: Transmission[] | null;
  error: string | null;
  /** Replaces one transmission (e.g. the answer of "Relancer") and asks again for news. */
  update: (transmission: Transmission) => void;
}

/**
 * Loads `GET /api/declarations/:id/transmissions`, then follows it until all are final; a new
 * `version` (the declaration was just sent from its page) starts again.
 */
export function useTransmissions(declarationId: string, version = 0): TransmissionsState {
  const [transmissions, setTransmissions] = useState<Transmission[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped to start following again after a change made here ("Relancer").
  const [round, setRound] = useState(0);

  useEffect(
    () =>
      startPolling({
        load: () => listTransmissions(declarationId),
        intervalMs: TRANSMISSIONS_POLL_MS,
        onData: (list) => {
          setTransmissions(list);
          setError(null);
          return awaitsNews(list);
        },
        onError: (caught) => {
          setError(errorText(caught));
          return !(caught instanceof ApiError && (caught.handled || caught.code === 'NOT_FOUND'));
        },
      }),
    [declarationId, version, round],
  );

  const update = useCallback((changed: Transmission) => {
    setTransmissions(
      (list) => list?.map((item) => (item.id === changed.id ? changed : item)) ?? [changed],
    );
    setRound((value) => value + 1);
  }, []);

  return { transmissions, error, update };
}
