// `/utilisateurs` (administrators): the firm's users, a page at a time, their status, links,
// and a creation form.
import { useState } from 'react';
import type { CreateUserResponse, PasswordLink, User } from '@passerelle/contracts';
import { getSession, listUsers } from '../../api/endpoints';
import { AddUserForm } from './add-user-form';
import { ListCount, ListFooter, ListState } from '../../shared/list-footer';
import { OneTimeLink } from './one-time-link';
import { Page } from '../../shared/page';
import { UserTable } from './user-table';
import { adminPageErrorText } from '../../shared/errors';
import { fullName, useCurrentUser, useSession } from '../auth/session';
import { usePagedList } from '../../shared/use-paged-list';

const NOUN = ['utilisateur', 'utilisateurs'] as const;

/** The users administration page. */
export function UtilisateursPage() {
  const me = useCurrentUser();
  const { setUser } = useSession();
  const [invitation, setInvitation] = useState<CreateUserResponse | null>(null);
  const [reset, setReset] = useState<{ user: User; link: PasswordLink } | null>(null);
  const list = usePagedList(
    ['users'],
    (cursor, limit) => listUsers({ cursor, limit }),
    adminPageErrorText,
  );

  const replaceUser = (changed: User) => {
    list.update((items) => items.map((user) => (user.id === changed.id ? changed : user)));
    // Deactivating oneself ends one's access: re-reading the session sends to /connexion.
    if (changed.id === me.id && changed.status === 'inactive') {
      getSession().then(setUser, () => undefined);
    }
  };

  return (
    <Page title="Utilisateurs">
      <ListState list={list}>
        {(users) => (
          <>
            {reset !== null && (
              <OneTimeLink
                label="Lien de réinitialisation"
                copyLabel="Copier le lien de réinitialisation"
                link={reset.link}
              >
                <p>
                  Lien de réinitialisation du mot de passe créé pour {fullName(reset.user)}.
                  Transmettez-le à cette personne : il lui permet de choisir un nouveau mot de
                  passe, une seule fois.
                </p>
              </OneTimeLink>
            )}
            <ListCount total={list.total} noun={NOUN} />
            <UserTable
              users={users}
              onChanged={replaceUser}
              onResetLink={(user, link) => setReset({ user, link })}
            />
            <ListFooter list={list} noun={NOUN} />
          </>
        )}
      </ListState>

      <section className="card" aria-labelledby="ajout-utilisateur-titre">
        <h2 id="ajout-utilisateur-titre">Ajouter un utilisateur</h2>
        <p>
          La personne reçoit un lien d’invitation à usage unique pour choisir son mot de passe.
          Passerelle n’envoie pas d’email : transmettez-lui ce lien vous-même.
        </p>
        {invitation !== null && (
          <OneTimeLink
            label="Lien d’invitation"
            copyLabel="Copier le lien d’invitation"
            link={invitation.link}
          >
            <p>
              Utilisateur {fullName(invitation.user)} créé. Donnez-lui ce lien d’invitation pour
              qu’il ou elle choisisse son mot de passe.
            </p>
          </OneTimeLink>
        )}
        <AddUserForm
          onCreated={(answer) => {
            setInvitation(answer);
            list.refresh();
          }}
        />
      </section>
    </Page>
  );
}
