// The signed-in user, shared by every page through a React context.
import { createContext, useContext } from 'react';
import type { CurrentUser } from '@passerelle/contracts';

/** What pages know about the session. */
export interface SessionValue {
  /** The signed-in user, or null when signed out. */
  user: CurrentUser | null;
  /**
   * Replaces the signed-in user (after sign-in, setup, or a refresh); null signs out, with the
   * reason the sign-in page shows.
   */
  setUser: (user: CurrentUser | null, notice?: string) => void;
}

export const SessionContext = createContext<SessionValue>({ user: null, setUser: () => {} });

/** The current session (user and setter). */
export function useSession(): SessionValue {
  return useContext(SessionContext);
}

/** The signed-in user; only for pages the app shows to signed-in users. */
export function useCurrentUser(): CurrentUser {
  const { user } = useSession();
  if (user === null) throw new Error('useCurrentUser outside a signed-in page');
  return user;
}

/** "Administrateur" or "Collaborateur". */
export function roleLabel(role: CurrentUser['role']): string {
  return role === 'administrator' ? 'Administrateur' : 'Collaborateur';
}

/** "Actif" or "Inactif". */
export function statusLabel(status: CurrentUser['status']): string {
  return status === 'active' ? 'Actif' : 'Inactif';
}

/** "Prénom Nom". */
export function fullName(user: { firstName: string; lastName: string }): string {
  return `${user.firstName} ${user.lastName}`;
}
