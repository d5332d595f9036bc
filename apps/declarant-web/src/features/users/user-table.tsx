// The users table with its per-row actions (activate, deactivate after a confirmation, password
// reset link).
import { useState } from 'react';
import type { PasswordLink, User } from '@passerelle/contracts';
import { createPasswordReset, setUserStatus } from '../../api/endpoints';
import { useAction } from '../../shared/use-action';
import { fullName, roleLabel, statusLabel } from '../auth/session';
import { ErrorAlert } from '../../shared/alerts';
import { DeactivateUserDialog } from './deactivate-user-dialog';
import { DataTable } from '../../shared/data-table';

interface UserTableProps {
  users: readonly User[];
  onChanged: (user: User) => void;
  onResetLink: (user: User, link: PasswordLink) => void;
}

/** Table (Nom, Adresse email, Rôle, Statut, Actions); one action in flight at a time. */
export function UserTable({ users, onChanged, onResetLink }: UserTableProps) {
  // "Désactiver" ends the person's sessions at once: it is confirmed first, like "Révoquer".
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const { run, busy, args, error } = useAction((_user: User, action: () => Promise<void>) =>
    action(),
  );
  const busyId = busy && args !== undefined ? args[0].id : null;

  const activate = (user: User) =>
    run(user, async () => onChanged(await setUserStatus(user.id, 'active')));
  const reset = (user: User) =>
    run(user, async () => onResetLink(user, await createPasswordReset(user.id)));

  return (
    <>
      <ErrorAlert message={error} />
      <DataTable
        caption="Utilisateurs du cabinet"
        columns={['Nom', 'Adresse email', 'Rôle', 'Statut', 'Actions']}
      >
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
                    onClick={() => (inactive ? activate(user) : setDeactivating(user))}
                  >
                    {inactive ? 'Activer' : 'Désactiver'}
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Réinitialiser le mot de passe de ${name}`}
                    disabled={busyId !== null}
                    onClick={() => reset(user)}
                  >
                    Réinitialiser le mot de passe
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </DataTable>
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
