// "Envoyer N déclarations": the signature to sign with and its password, asked once for the
// whole batch (help page: the password is asked at every send). The server signs every
// declaration in that one request, or refuses the whole batch.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { createSendingRequest } from '@passerelle/contracts';
import type { CreateSendingRequest, SendingProgress } from '@passerelle/contracts';
import { createSending } from '../../api/sending-endpoints';
import { formErrorsFromIssues, noErrors } from '../../shared/errors';
import type { FormErrors } from '../../shared/errors';
import { useOwnSignatures, useReloadOwnSignatures } from '../signatures/own-signatures';
import { Link } from 'react-router';
import {
  refreshesClientSpace,
  refreshesDeclarations,
  refreshesSignatures,
  sendingErrorsFromApi,
  sendingFields,
} from './sending-errors';
import {
  canSignWith,
  clientSpaceWarning,
  defaultSigningSignatureId,
  sendDialogTitle,
  signatureChoiceText,
} from './sending-labels';
import { useCurrentUser } from '../auth/session';
import { useClientSpace } from '../client-space/use-client-space';
import { ErrorAlert } from '../../shared/alerts';
import { Dialog } from '../../shared/dialog';
import { Loading } from '../../shared/page';
import { TextField } from '../../shared/text-field';
import { useAction } from '../../shared/use-action';

/** What the server answered: the batch, already signed and queued. */
export interface SentBatch {
  sending: SendingProgress;
  transmissionIds: string[];
}

interface SendDialogProps {
  /** The ticked "prête" declarations, fixed when the dialog opened. */
  declarationIds: readonly string[];
  onClose: () => void;
  onSent: (batch: SentBatch) => void;
  /** A refusal saying some declaration is no longer "prête": the list should be read again. */
  onStale: () => void;
}

const ids = { signature: 'envoi-signatureId', password: 'envoi-password' } as const;

/** The dialog; "Signer et envoyer" posts the batch, the password is forgotten right after. */
export function SendDialog({ declarationIds, onClose, onSent, onStale }: SendDialogProps) {
  const user = useCurrentUser();
  const own = useOwnSignatures(user.id, true);
  const reloadSignatures = useReloadOwnSignatures(user.id);
  const clientSpace = useClientSpace();
  const [chosen, setChosen] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  const signatures = own.signatures;
  const usable = signatures?.filter(canSignWith) ?? [];
  // A signature locked or revoked meanwhile falls back to the default one.
  const signatureId = usable.some((signature) => signature.id === chosen)
    ? chosen
    : defaultSigningSignatureId(signatures ?? []);

  useEffect(() => {
    if (errors.fields.password !== undefined) document.getElementById(ids.password)?.focus();
    else if (errors.fields.signatureId !== undefined)
      document.getElementById(ids.signature)?.focus();
  }, [errors]);

  const sending = useAction(
    async (request: CreateSendingRequest) => {
      try {
        onSent(await createSending(request));
      } finally {
        // The password is not kept, whatever the answer: the next try types it again.
        setPassword('');
      }
    },
    (caught) => {
      setErrors(sendingErrorsFromApi(caught));
      if (refreshesSignatures(caught)) reloadSignatures();
      if (refreshesClientSpace(caught)) clientSpace.reload();
      if (refreshesDeclarations(caught)) onStale();
    },
  );
  const busy = sending.busy;

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (busy) return;
    const parsed = createSendingRequest.safeParse({
      declarationIds: [...declarationIds],
      signatureId,
      password,
    });
    if (!parsed.success) {
      setErrors(formErrorsFromIssues(parsed.error.issues, sendingFields));
      return;
    }
    setErrors(noErrors);
    sending.run(parsed.data);
  }

  const status = clientSpace.status;
  const signatureError = errors.fields.signatureId;
  return (
    <Dialog
      titleId="envoi-titre"
      title={sendDialogTitle(declarationIds.length)}
      describedBy="envoi-explication"
      variant="confirm-dialog"
      onClose={() => !busy && onClose()}
    >
      <p id="envoi-explication">
        Les déclarations sont signées avec votre signature puis transmises au partenaire EDI. Le mot
        de passe de la signature est demandé une seule fois pour tout l’envoi.
      </p>
      {status !== null && !status.connected && (
        <div className="alert alert-warning" role="alert">
          <p>
            {status.reason === 'partner_unreachable'
              ? 'Le partenaire EDI ne répond pas pour le moment : l’envoi risque d’être refusé.'
              : clientSpaceWarning}
          </p>
          <p>
            <Link to="/compte">Aller à Compte utilisateur</Link>
          </p>
        </div>
      )}
      <form className="form" noValidate onSubmit={submit}>
        <ErrorAlert message={errors.form ?? own.error} />
        {signatures === null ? (
          own.error === null && <Loading />
        ) : (
          <div className="field">
            <label htmlFor={ids.signature}>Signature</label>
            {usable.length === 0 && (
              <p id={`${ids.signature}-hint`} className="field-hint">
                Aucune de vos signatures ne peut signer : ajoutez-en une dans{' '}
                <Link to="/compte">Compte utilisateur</Link>.
              </p>
            )}
            <select
              id={ids.signature}
              name="signatureId"
              value={signatureId}
              aria-invalid={signatureError === undefined ? undefined : true}
              aria-describedby={
                [
                  usable.length === 0 ? `${ids.signature}-hint` : undefined,
                  signatureError === undefined ? undefined : `${ids.signature}-error`,
                ]
                  .filter(Boolean)
                  .join(' ') || undefined
              }
              onChange={(event) => setChosen(event.target.value)}
            >
              {usable.length === 0 && <option value="">—</option>}
              {signatures.map((signature) => (
                <option key={signature.id} value={signature.id} disabled={!canSignWith(signature)}>
                  {signatureChoiceText(signature)}
                </option>
              ))}
            </select>
            {signatureError !== undefined && (
              <p id={`${ids.signature}-error`} className="field-error" role="alert">
                {signatureError}
              </p>
            )}
          </div>
        )}
        <TextField
          id={ids.password}
          name="password"
          label="Mot de passe de la signature"
          type="password"
          autoComplete="off"
          value={password}
          error={errors.fields.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div className="actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || usable.length === 0}
            aria-busy={busy}
          >
            {busy ? 'Signature et envoi…' : 'Signer et envoyer'}
          </button>
          <button type="button" className="button" disabled={busy} onClick={onClose}>
            Annuler
          </button>
        </div>
      </form>
    </Dialog>
  );
}
