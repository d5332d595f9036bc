// The users table with its per-row actions (activate, deactivate after a confirmation, password
// reset link).
import { useRef, useState } from 'react';
import type { PasswordLink, User } from '@passerelle/contracts';
import { createPasswordReset, setUserStatus } from '../../api/endpoints';
import { errorText } from '../../shared/errors';
import { fullName, roleLabel, statusLabel } from '../auth/session';
import { ErrorAlert } from '../../shared/alerts';
import { DeactivateUserDialog } from './deactivate-user-dialog';

interface UserTableProps {
  users: readonly User[];
  onChanged: (user: User) => void;
  onResetLink: (user: User, link: PasswordLink) => void;
}

/** Table (Nom, Adresse email, Rôle, Statut, Actions); one action in flight at a time. */
export function UserTable({ users, onChanged, onResetLink }: UserTableProps) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // "Désactiver" ends the person's sessions at once: it is confirmed first, like "Révoquer".
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const inFlight = useRef(false);

  async function run(user: User, action: () => Promise<void>): Promise<void> {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusyId(user.id);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      inFlight.current = false;
      setBusyId(null);
    }
  }

  const activate = (user: User) =>
    run(user, async () => onChanged(await setUserStatus(user.id, 'active')));
  const reset = (user: User) =>
    run(user, async () => onResetLink(user, await createPasswordReset(user.id)));

  return (
    <>
      <ErrorAlert message={error} />
      <div className="table-wrapper">
        <table>
          <caption className="visually-hidden">Utilisateurs du cabinet</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Adresse email</th>
              <th scope="col">Rôle</th>
              <th scope="col">Statut</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => {
              const name = fullName(user);
              const inactive = user.status === 'inactive';
              return (
                <tr key={user.id} aria-busy={busyId === user.id}>
                  <th scope="row">{name}</th>
                  <td>{user.email}</td>
                  <td>{roleLabel(user.role)}</td>
                  <td>
                    <span className={`tag ${inactive ? 'tag-muted' : 'tag-success'}`}>
                      {statusLabel(user.status)}
                    </span>
                  </td>
                  <td>
                    <div className="actions">
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`${inactive ? 'Activer' : 'Désactiver'} ${name}`}
                        disabled={busyId !== null}
                        onClick={() => (inactive ? void activate(user) : setDeactivating(user))}
                      >
                        {inactive ? 'Activer' : 'Désactiver'}
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Réinitialiser le mot de passe de ${name}`}
                        disabled={busyId !== null}
                        onClick={() => void reset(user)}
                      >
                        Réinitialiser le mot de passe
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {deactivating !== null && (
        <DeactivateUserDialog
          user={deactivating}
          onCancel={() => setDeactivating(null)}
          onDeactivated={(user) => {
            setDeactivating(null);
            onChanged(user);
          }}
        />
      )}
    </>
  );
}
