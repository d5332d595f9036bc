// The signed-in user's own signatures, loaded once per page load and shared by the warning
// banner (every page) and the "Signatures" section of "Compte utilisateur".
import { useEffect, useSyncExternalStore } from 'react';
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

const nobody: OwnSignatures = { userId: null, signatures: null, error: null };
let state: OwnSignatures = nobody;
let pending: { userId: string; promise: Promise<void> } | null = null;
/** Number of the latest load: an older answer arriving late is dropped. */
let latest = 0;
const listeners = new Set<() => void>();

function update(next: OwnSignatures): void {
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Loads the user's signatures; a load already under way for them is shared unless `fresh`
 * (after a change: creation, revocation), which starts a new one.
 */
export function loadOwnSignatures(userId: string, fresh = false): Promise<void> {
  if (!fresh && pending?.userId === userId) return pending.promise;
  if (state.userId !== userId) update({ userId, signatures: null, error: null });
  const number = ++latest;
  const promise = listMySignatures()
    .then(
      (signatures) => {
        if (number === latest) update({ userId, signatures, error: null });
      },
      (error: unknown) => {
        if (number === latest) update({ ...state, error: errorText(error) });
      },
    )
    .finally(() => {
      if (pending?.promise === promise) pending = null;
    });
  pending = { userId, promise };
  return promise;
}

function forget(): void {
  latest += 1;
  pending = null;
  if (state !== nobody) update(nobody);
}

/**
 * The signatures of `userId` (null when signed out: forgets the previous user's). They are
 * loaded when first needed; `refresh` loads them again when the component mounts.
 */
export function useOwnSignatures(userId: string | null, refresh = false): OwnSignatures {
  const snapshot = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (userId === null) forget();
    else if (refresh || state.userId !== userId || state.signatures === null) {
      void loadOwnSignatures(userId);
    }
  }, [userId, refresh]);
  return snapshot.userId === userId ? snapshot : { userId, signatures: null, error: null };
}
