// `/compte`: the user's account ("Compte utilisateur"), client-space tag and signatures.
import { useEffect } from 'react';
import { getSession } from '../api/endpoints';
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

      <section className="card" aria-labelledby="compte-espace-client">
        <h2 id="compte-espace-client">Espace client</h2>
        <p>
          <span className="tag tag-neutral" role="status">
            Non connecté
          </span>
        </p>
        <p>
          Aucune connexion à l&apos;espace client du partenaire EDI n&apos;a été établie. La
          connexion à l&apos;espace client sera disponible dans une prochaine version de Passerelle.
        </p>
      </section>

      <section className="card" aria-labelledby="compte-signatures">
        <h2 id="compte-signatures">Signatures</h2>
        <p>Aucune signature.</p>
      </section>
    </Page>
  );
}
