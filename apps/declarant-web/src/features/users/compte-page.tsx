// `/compte`: the user's account ("Compte utilisateur"), client-space tag, signatures and
// notifications.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getSession } from '../../api/endpoints';
import { ClientSpaceSection } from '../client-space/client-space-section';
import { NotificationSettingsSection } from './notification-settings-section';
import { Page } from '../../shared/page';
import { SignaturesSection } from '../signatures/signatures-section';
import { Link } from 'react-router';
import { fullName, roleLabel, statusLabel, useCurrentUser, useSession } from '../auth/session';
import { useClientSpace } from '../client-space/use-client-space';

/** The signed-in user's account page. */
export function ComptePage() {
  const user = useCurrentUser();
  const { setUser } = useSession();
  // One client-space status for both sections: connecting in the panel enables "Ajouter une
  // signature" at once.
  const clientSpace = useClientSpace();
  const [clientSpacePanelOpen, setClientSpacePanelOpen] = useState(false);

  // The account as it is now (a role or status changed meanwhile); a lost session is handled by
  // the client (redirect to /connexion).
  useQuery({
    queryKey: ['session-on-account-page'],
    queryFn: async () => {
      const current = await getSession();
      setUser(current);
      return current;
    },
  });

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

      <ClientSpaceSection
        clientSpace={clientSpace}
        panelOpen={clientSpacePanelOpen}
        onPanelOpenChange={setClientSpacePanelOpen}
      />

      <SignaturesSection
        clientSpace={clientSpace}
        onOpenClientSpace={() => setClientSpacePanelOpen(true)}
      />

      <NotificationSettingsSection />
    </Page>
  );
}
