// The client-space connection status, read when "Compte utilisateur" (or the "Envoyer" dialog)
// opens and shared through the data cache by the "Espace client" section and the "Signatures"
// section ("Ajouter une signature" needs it).
import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ClientSpaceStatus } from '@passerelle/contracts';
import { getClientSpace } from '../../api/endpoints';
import { useApiQuery } from '../../shared/use-api-query';

/** The status (null while loading), its last error, and how to change or re-read it. */
export interface ClientSpaceState {
  status: ClientSpaceStatus | null;
  error: string | null;
  setStatus: (status: ClientSpaceStatus) => void;
  setError: (error: string | null) => void;
  /** Reads the status again (e.g. after a refusal saying the connection was lost). */
  reload: () => void;
}

const clientSpaceKey = ['client-space'] as const;

/** Loads `GET /api/me/client-space` when the component mounts. */
export function useClientSpace(): ClientSpaceState {
  const client = useQueryClient();
  const read = useApiQuery(clientSpaceKey, getClientSpace);
  // A failure of an action of the section (e.g. "Se déconnecter"), shown until the next change.
  const [actionError, setError] = useState<string | null>(null);
  const setStatus = useCallback(
    (status: ClientSpaceStatus) => client.setQueryData(clientSpaceKey, status),
    [client],
  );
  const { reload: readAgain } = read;
  const reload = useCallback(() => {
    setError(null);
    readAgain();
  }, [readAgain]);
  return {
    status: read.data ?? null,
    error: actionError ?? read.error,
    setStatus,
    setError,
    reload,
  };
}
