// The client-space connection status, loaded once by "Compte utilisateur" and shared by the
// "Espace client" section and the "Signatures" section ("Ajouter une signature" needs it).
import { useCallback, useEffect, useState } from 'react';
import type { ClientSpaceStatus } from '@passerelle/contracts';
import { getClientSpace } from '../../api/endpoints';
import { errorText } from '../../shared/errors';

/** The status (null while loading), its last error, and how to change or re-read it. */
export interface ClientSpaceState {
  status: ClientSpaceStatus | null;
  error: string | null;
  setStatus: (status: ClientSpaceStatus) => void;
  setError: (error: string | null) => void;
  /** Reads the status again (e.g. after a refusal saying the connection was lost). */
  reload: () => void;
}

/** Loads `GET /api/me/client-space` when the page mounts. */
export function useClientSpace(): ClientSpaceState {
  const [status, setStatus] = useState<ClientSpaceStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let active = true;
    getClientSpace().then(
      (next) => {
        if (!active) return;
        setStatus(next);
        setError(null);
      },
      (caught: unknown) => active && setError(errorText(caught)),
    );
    return () => {
      active = false;
    };
  }, [version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { status, error, setStatus, setError, reload };
}
