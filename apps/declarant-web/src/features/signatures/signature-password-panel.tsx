// "Changer le mot de passe" of a signature: its key is wrapped again under the new password.
import { PASSWORD_MIN_LENGTH, changeSignaturePasswordRequest } from '@passerelle/contracts';
import type { DeclarantSignature } from '@passerelle/contracts';
import { changeSignaturePassword } from '../../api/endpoints';
import { useForm } from '../../shared/use-form';
import { ErrorAlert } from '../../shared/alerts';
import { Dialog } from '../../shared/dialog';
import { SubmitButton } from '../../shared/submit-button';
import { TextField } from '../../shared/text-field';

interface SignaturePasswordPanelProps {
  signature: DeclarantSignature;
  onClose: () => void;
  onChanged: () => void;
  onRefused: (error: unknown) => void;
}

/** Mot de passe actuel, Nouveau mot de passe, Confirmation du nouveau mot de passe. */
export function SignaturePasswordPanel({
  signature,
  onClose,
  onChanged,
  onRefused,
}: SignaturePasswordPanelProps) {
  const form = useForm({
    id: 'mot-de-passe-signature',
    schema: changeSignaturePasswordRequest,
    initial: { currentPassword: '', password: '', passwordConfirmation: '' },
    fieldForCode: { WRONG_SIGNATURE_PASSWORD: 'currentPassword', WEAK_PASSWORD: 'password' },
  });
  const submit = form.handleSubmit(async (data) => {
    try {
      await changeSignaturePassword(signature.id, data);
    } catch (error) {
      onRefused(error);
      throw error;
    }
    onChanged();
  });

  return (
    <Dialog
      titleId="volet-mot-de-passe-signature"
      title="Changer le mot de passe de la signature"
      onClose={onClose}
    >
      <p>Signature n° {signature.serial}.</p>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorAlert message={form.errors.form} />
        <TextField
          label="Mot de passe actuel"
          type="password"
          autoComplete="off"
          {...form.field('currentPassword')}
        />
        <TextField
          label="Nouveau mot de passe"
          type="password"
          autoComplete="new-password"
          hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Il vous sera demandé à chaque envoi de déclarations.`}
          {...form.field('password')}
        />
        <TextField
          label="Confirmation du nouveau mot de passe"
          type="password"
          autoComplete="new-password"
          {...form.field('passwordConfirmation')}
        />
        <SubmitButton busy={form.busy} busyText="Enregistrement…">
          Enregistrer
        </SubmitButton>
      </form>
      <button type="button" className="button" onClick={onClose}>
        Fermer
      </button>
    </Dialog>
  );
}
