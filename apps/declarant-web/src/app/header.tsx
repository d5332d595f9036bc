// The top bar: the app name and, when signed in, the navigation and the sign-out button.
import { useState } from 'react';
import { signOut } from '../api/endpoints';
import { NavLink } from 'react-router';
import { fullName, useSession } from '../features/auth/session';
import { useEndSession } from '../features/auth/use-end-session';

/** The navigation of every signed-in user, then the administrators' (path, label). */
const everyoneLinks = [
  ['/dossiers', 'Dossiers'],
  ['/declarations', 'Déclarations'],
  ['/compte', 'Compte utilisateur'],
] as const;
const adminLinks = [
  ['/utilisateurs', 'Utilisateurs'],
  ['/signatures', 'Signatures du cabinet'],
  ['/journal', 'Journal d’audit'],
  ['/cabinet', 'Paramètres du cabinet'],
] as const;

/** Header with "Passerelle", the main navigation and "Se déconnecter de Passerelle". */
export function Header() {
  const { user } = useSession();
  const endSession = useEndSession();
  const [busy, setBusy] = useState(false);

  async function handleSignOut(): Promise<void> {
    if (busy) return;
    setBusy(true);
    try {
      await signOut();
    } catch {
      // Signed out anyway from this browser's point of view: the server drops the session or
      // it was already gone.
    } finally {
      setBusy(false);
    }
    await endSession('Vous êtes déconnecté de Passerelle.');
  }

  return (
    <header className="site-header">
      <div className="site-header-inner">
        <p className="brand">
          {user === null ? (
            <span>Passerelle</span>
          ) : (
            <NavLink to="/compte" end aria-label="Passerelle, accueil">
              Passerelle
            </NavLink>
          )}
        </p>
        {user !== null && (
          <>
            <nav aria-label="Navigation principale">
              <ul>
                {[...everyoneLinks, ...(user.role === 'administrator' ? adminLinks : [])].map(
                  ([to, label]) => (
                    <li key={to}>
                      <NavLink to={to} end>
                        {label}
                      </NavLink>
                    </li>
                  ),
                )}
              </ul>
            </nav>
            <div className="session-box">
              <span className="session-user">
                {fullName(user)} · {user.firm.name}
              </span>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void handleSignOut()}
                disabled={busy}
              >
                Se déconnecter de Passerelle
              </button>
            </div>
          </>
        )}
      </div>
    </header>
  );
}
