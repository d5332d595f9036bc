// "Espace client" on "Compte utilisateur": the connection tag, the side panel, sign-out.
import { useState } from 'react';
import { connectClientSpaceRequest, type ClientSpaceStatus } from '@passerelle/contracts';
import { connectClientSpace, disconnectClientSpace } from '../../api/endpoints';
import { errorText } from '../../shared/errors';
import type { ClientSpaceState } from './use-client-space';
import { useForm } from '../../shared/use-form';
import { ErrorAlert } from '../../shared/alerts';
import { Dialog } from '../../shared/dialog';
import { CloseButton, FormFrame } from '../../shared/form-frame';
import { SignInFields } from '../auth/sign-in-fields';

const REASONS: Record<string, string> = {
  not_connected: 'Aucune connexion à l’espace client n’a été établie.',
  session_revoked:
    'La connexion a été révoquée ou a expiré sur l’espace client : reconnectez-vous.',
  partner_unreachable:
    'Le partenaire EDI ne répond pas pour le moment. Réessayez dans quelques instants.',
};

const since = (iso: string) =>
  new Date(iso).toLocaleString('fr-FR', {
    timeZone: 'Europe/Paris',
    dateStyle: 'long',
    timeStyle: 'short',
  });

interface ClientSpaceSectionProps {
  /** The status, loaded once by the page and shared with the "Signatures" section. */
  clientSpace: ClientSpaceState;
  /** Whether the side panel is open (the "Signatures" section can open it too). */
  panelOpen: boolean;
  onPanelOpenChange: (open: boolean) => void;
}

/** The client-space section; the panel opens from the link of the help page. */
export function ClientSpaceSection({
  clientSpace,
  panelOpen,
  onPanelOpenChange,
}: ClientSpaceSectionProps) {
  const { status, setStatus, error, setError } = clientSpace;
  const [busy, setBusy] = useState(false);

  // Never rejects: a failure shows in the section's alert.
  const disconnect = async () => {
    setBusy(true);
    try {
      setStatus(await disconnectClientSpace());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="compte-espace-client">
      <h2 id="compte-espace-client">Espace client</h2>
      <ErrorAlert message={error} />
      {status === null ? (
        <p>Vérification de la connexion…</p>
      ) : status.connected ? (
        <>
          <p>
            <span className="tag tag-success" role="status">
              Connecté
            </span>
          </p>
          <p>
            Connecté à l’espace client avec {status.email}
            {status.connectedAt ? ` depuis le ${since(status.connectedAt)}` : ''}.
          </p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void disconnect()}
          >
            Se déconnecter
          </button>
        </>
      ) : (
        <>
          <p>
            <span className="tag tag-neutral" role="status">
              Non connecté
            </span>
          </p>
          <p>{REASONS[status.reason ?? 'not_connected']}</p>
          <p>
            <button type="button" className="link-button" onClick={() => onPanelOpenChange(true)}>
              Ajouter les identifiants de connexion à l’espace client
            </button>
          </p>
        </>
      )}
      {panelOpen && status && (
        <ConnectPanel
          portalUrl={status.portalUrl}
          onClose={() => onPanelOpenChange(false)}
          onConnected={(next) => {
            setStatus(next);
            setError(null);
            onPanelOpenChange(false);
          }}
        />
      )}
    </section>
  );
}

/** The side panel (volet): portal email and password, "Se connecter", "Accéder à l'espace client". */
function ConnectPanel(props: {
  portalUrl: string;
  onClose: () => void;
  onConnected: (status: ClientSpaceStatus) => void;
}) {
  const form = useForm({
    id: 'espace-client',
    schema: connectClientSpaceRequest,
    initial: { email: '', password: '' },
    fieldForCode: {},
  });
  const submit = form.handleSubmit(async (data) => {
    props.onConnected(await connectClientSpace(data));
  });
  return (
    <Dialog
      titleId="volet-espace-client"
      title="Connexion à l’espace client"
      onClose={props.onClose}
    >
      <p>
        Saisissez l’adresse email et le mot de passe de votre compte client chez le partenaire EDI.
      </p>
      <FormFrame form={form} onSubmit={submit} submit="Se connecter">
        <SignInFields field={form.field} />
      </FormFrame>
      <p>
        Pas encore de compte client ?{' '}
        <a href={props.portalUrl} target="_blank" rel="noopener noreferrer">
          Accéder à l’espace client
        </a>
      </p>
      <CloseButton onClose={props.onClose} />
    </Dialog>
  );
}
