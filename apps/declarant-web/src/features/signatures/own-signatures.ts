// The signed-in user's own signatures, loaded once per page load and shared (one query of the
// data cache) by the warning banner (every page), the "Signatures" section of "Compte
// utilisateur" and the "Envoyer" dialog, which read them again when they open.
import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeclarantSignature } from '@passerelle/contracts';
import { listMySignatures } from '../../api/endpoints';
import { errorText } from '../../shared/errors';

/** What is known of one user's signatures. */
export interface OwnSignatures {
  userId: string | null;
  /** Null until the first answer arrives. */
  signatures: DeclarantSignature[] | null;
  /** The last load's failure, in French; null after a success. */
  error: string | null;
}

const ownSignaturesKey = (userId: string | null) => ['own-signatures', userId] as const;

/**
 * The signatures of `userId` (null when signed out: nothing is asked). They are loaded when
 * first needed; `refresh` loads them again when the component mounts.
 */
export function useOwnSignatures(userId: string | null, refresh = false): OwnSignatures {
  const query = useQuery({
    queryKey: ownSignaturesKey(userId),
    queryFn: listMySignatures,
    enabled: userId !== null,
    staleTime: Infinity,
    refetchOnMount: refresh ? 'always' : true,
  });
  return {
    userId,
    signatures: query.data ?? null,
    error: query.error === null ? null : errorText(query.error),
  };
}

/** Loads the user's signatures again, for every component showing them (after a change). */
export function useReloadOwnSignatures(userId: string): () => void {
  const client = useQueryClient();
  return useCallback(
    () => void client.refetchQueries({ queryKey: ownSignaturesKey(userId) }),
    [client, userId],
  );
}
