// "Changer le mot de passe" of a signature: its key is wrapped again under the new password.
import { PASSWORD_MIN_LENGTH, changeSignaturePasswordRequest } from '@passerelle/contracts';
import type { DeclarantSignature } from '@passerelle/contracts';
import { changeSignaturePassword } from '../../api/endpoints';
import { useForm } from '../../shared/use-form';
import { Dialog } from '../../shared/dialog';
import { SubmitButton } from '../../shared/submit-button';
import { TextField } from '../../shared/text-field';
import { CloseButton, FormFrame } from '../../shared/form-frame';
import { NewPasswordFields } from '../../shared/new-password-fields';

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
      <FormFrame error={form.errors.form} onSubmit={submit}>
        <TextField
          label="Mot de passe actuel"
          type="password"
          autoComplete="off"
          {...form.field('currentPassword')}
        />
        <NewPasswordFields
          password={form.field('password')}
          confirmation={form.field('passwordConfirmation')}
          label="Nouveau mot de passe"
          confirmationLabel="Confirmation du nouveau mot de passe"
          hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Il vous sera demandé à chaque envoi de déclarations.`}
        />
        <SubmitButton busy={form.busy} busyText="Enregistrement…">
          Enregistrer
        </SubmitButton>
      </FormFrame>
      <CloseButton onClose={onClose} />
    </Dialog>
  );
}
