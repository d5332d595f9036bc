// "Signatures" on "Compte utilisateur": "Ajouter une signature" (only for an active user whose
// client space is connected), the user's signatures and their actions.
import { useState } from 'react';
import type { ClientSpaceStatus, DeclarantSignature } from '@passerelle/contracts';
import { hasErrorCode } from '../../shared/errors';
import { useOwnSignatures, useReloadOwnSignatures } from './own-signatures';
import { useCurrentUser } from '../auth/session';
import type { ClientSpaceState } from '../client-space/use-client-space';
import { AddSignaturePanel } from './add-signature-panel';
import { ErrorAlert, Notice } from '../../shared/alerts';
import { ExportSignaturePanel } from './export-signature-panel';
import { Loading } from '../../shared/page';
import { RevokeSignatureDialog } from './revoke-signature-dialog';
import { SignatureActions } from './signature-actions';
import type { SignatureAction } from './signature-actions';
import { SignaturePasswordPanel } from './signature-password-panel';
import { SignatureTable } from './signature-table';

type Opened = { kind: 'add' } | { kind: SignatureAction; signature: DeclarantSignature } | null;

/** Why "Ajouter une signature" is disabled, or null when it is enabled (or still unknown). */
type Blocker = 'inactive' | 'not_connected' | 'partner_unreachable' | null;

function blocker(active: boolean, status: ClientSpaceStatus | null): Blocker {
  if (!active) return 'inactive';
  if (status === null || status.connected) return null;
  return status.reason === 'partner_unreachable' ? 'partner_unreachable' : 'not_connected';
}

/** The section; `onOpenClientSpace` opens the client-space side panel of the page. */
export function SignaturesSection({
  clientSpace,
  onOpenClientSpace,
}: {
  clientSpace: ClientSpaceState;
  onOpenClientSpace: () => void;
}) {
  const user = useCurrentUser();
  const own = useOwnSignatures(user.id, true);
  const reloadSignatures = useReloadOwnSignatures(user.id);
  const [opened, setOpened] = useState<Opened>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const why = blocker(user.status === 'active', clientSpace.status);
  const canAdd = why === null && clientSpace.status?.connected === true;

  const open = (next: Opened) => {
    setNotice(null);
    setOpened(next);
  };
  const done = (message: string) => {
    setOpened(null);
    setNotice(message);
    reloadSignatures();
  };
  // A refusal may reveal a lost client-space connection or a signature that changed meanwhile.
  const refused = (error: unknown) => {
    if (hasErrorCode(error, 'CLIENT_SPACE_NOT_CONNECTED')) clientSpace.reload();
    const stale = ['SIGNATURE_LOCKED', 'SIGNATURE_REVOKED', 'SIGNATURE_EXPIRED'] as const;
    if (hasErrorCode(error, ...stale, 'ALREADY_REVOKED', 'NOT_FOUND')) {
      reloadSignatures();
    }
  };

  return (
    <section className="card" aria-labelledby="compte-signatures">
      <h2 id="compte-signatures">Signatures</h2>
      <Notice>{notice}</Notice>
      <div className="add-signature">
        <button
          type="button"
          className="button button-primary"
          disabled={!canAdd}
          aria-describedby={why === null ? undefined : 'ajout-signature-raison'}
          onClick={() => open({ kind: 'add' })}
        >
          Ajouter une signature
        </button>
        {why !== null && (
          <div id="ajout-signature-raison" className="add-signature-reason">
            <p>{reasonText[why]}</p>
            {why === 'not_connected' && (
              <p>
                <button type="button" className="link-button" onClick={onOpenClientSpace}>
                  Se connecter à l’espace client
                </button>
              </p>
            )}
          </div>
        )}
      </div>
      <ErrorAlert message={own.error} />
      {own.signatures === null ? (
        own.error === null && <Loading />
      ) : (
        <SignatureTable
          signatures={own.signatures}
          caption="Mes signatures"
          actions={(signature, serialId) => (
            <SignatureActions
              signature={signature}
              serialId={serialId}
              onAction={(kind, target) => open({ kind, signature: target })}
            />
          )}
        />
      )}
      {opened?.kind === 'add' && (
        <AddSignaturePanel
          onClose={() => setOpened(null)}
          onCreated={() => done('Signature enregistrée.')}
          onRefused={refused}
        />
      )}
      {opened?.kind === 'revoke' && (
        <RevokeSignatureDialog
          signature={opened.signature}
          onCancel={() => setOpened(null)}
          onRevoked={(signature) => done(`Signature n° ${signature.serial} révoquée.`)}
          onRefused={refused}
        />
      )}
      {opened?.kind === 'password' && (
        <SignaturePasswordPanel
          signature={opened.signature}
          onClose={() => setOpened(null)}
          onChanged={() => done('Mot de passe de la signature modifié.')}
          onRefused={refused}
        />
      )}
      {opened?.kind === 'export' && (
        <ExportSignaturePanel
          signature={opened.signature}
          onClose={() => setOpened(null)}
          onExported={(filename) => done(`Signature exportée dans le fichier ${filename}.`)}
          onRefused={refused}
        />
      )}
    </section>
  );
}

const reasonText: Record<Exclude<Blocker, null>, string> = {
  inactive: 'Seul un utilisateur actif peut créer une signature.',
  not_connected: 'Non connecté : connectez-vous d’abord à l’espace client.',
  partner_unreachable:
    'Le partenaire EDI ne répond pas pour le moment : la connexion à l’espace client ne peut pas être vérifiée. Réessayez dans quelques instants.',
};
