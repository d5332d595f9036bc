// `/compte`: the user's account ("Compte utilisateur"), client-space tag and signatures.
import { useEffect } from 'react';
import { getSession } from '../api/endpoints';
import { ClientSpaceSection } from '../components/client-space-section';
import { Page } from '../components/page';
import { Link } from '../router';
import { fullName, roleLabel, statusLabel, useCurrentUser, useSession } from '../session';

/** The signed-in user's account page. */
export function ComptePage() {
  const user = useCurrentUser();
  const { setUser } = useSession();

  useEffect(() => {
    let active = true;
    getSession().then(
      (current) => active && setUser(current),
      () => undefined, // A lost session is handled by the client (redirect to /connexion).
    );
    return () => {
      active = false;
    };
  }, [setUser]);

  return (
    <Page title="Compte utilisateur">
      <section className="card" aria-labelledby="compte-identite">
        <h2 id="compte-identite">Identité</h2>
        <dl className="details">
          <dt>Nom</dt>
          <dd>{fullName(user)}</dd>
          <dt>Adresse email</dt>
          <dd>{user.email}</dd>
          <dt>Rôle</dt>
          <dd>{roleLabel(user.role)}</dd>
          <dt>Statut</dt>
          <dd>{statusLabel(user.status)}</dd>
          <dt>Cabinet</dt>
          <dd>{user.firm.name}</dd>
        </dl>
        <p>
          <Link to="/mot-de-passe">Changer mon mot de passe</Link>
        </p>
      </section>

      <ClientSpaceSection />

      <section className="card" aria-labelledby="compte-signatures">
        <h2 id="compte-signatures">Signatures</h2>
        <p>Aucune signature.</p>
      </section>
    </Page>
  );
}
