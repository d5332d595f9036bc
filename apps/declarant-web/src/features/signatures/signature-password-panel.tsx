// "Changer le mot de passe" of a signature: its key is wrapped again under the new password.
import { PASSWORD_MIN_LENGTH, changeSignaturePasswordRequest } from '@passerelle/contracts';
import type { DeclarantSignature } from '@passerelle/contracts';
import { changeSignaturePassword } from '../../api/endpoints';
import { Dialog } from '../../shared/dialog';
import { CloseButton, FormFrame } from '../../shared/form-frame';
import { PasswordChangeFields, usePasswordChangeForm } from '../../shared/password-change-fields';

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
  const form = usePasswordChangeForm(
    'mot-de-passe-signature',
    changeSignaturePasswordRequest,
    'WRONG_SIGNATURE_PASSWORD',
  );
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
      <FormFrame form={form} onSubmit={submit} submit="Enregistrer" busyText="Enregistrement…">
        <PasswordChangeFields
          field={form.field}
          currentLabel="Mot de passe actuel"
          label="Nouveau mot de passe"
          confirmationLabel="Confirmation du nouveau mot de passe"
          hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Il vous sera demandé à chaque envoi de déclarations.`}
        />
      </FormFrame>
      <CloseButton onClose={onClose} />
    </Dialog>
  );
}
