// "Exporter (.p12)": the signature's certificate and key in a PKCS#12 file with its own password.
import { PASSWORD_MIN_LENGTH, exportSignatureRequest } from '@passerelle/contracts';
import type { DeclarantSignature } from '@passerelle/contracts';
import { exportSignature } from '../../api/endpoints';
import { saveBlob } from '../../shared/download';
import { useForm } from '../../shared/use-form';
import { Dialog } from '../../shared/dialog';
import { SubmitButton } from '../../shared/submit-button';
import { TextField } from '../../shared/text-field';
import { CloseButton, FormFrame } from '../../shared/form-frame';
import { NewPasswordFields } from '../../shared/new-password-fields';

interface ExportSignaturePanelProps {
  signature: DeclarantSignature;
  onClose: () => void;
  onExported: (filename: string) => void;
  onRefused: (error: unknown) => void;
}

/** Mot de passe de la signature, Mot de passe du fichier (+ confirmation), "Exporter". */
export function ExportSignaturePanel({
  signature,
  onClose,
  onExported,
  onRefused,
}: ExportSignaturePanelProps) {
  const form = useForm({
    id: 'export-signature',
    schema: exportSignatureRequest,
    initial: { currentPassword: '', password: '', passwordConfirmation: '' },
    fieldForCode: { WRONG_SIGNATURE_PASSWORD: 'currentPassword', WEAK_PASSWORD: 'password' },
  });
  const submit = form.handleSubmit(async (data) => {
    let file;
    try {
      file = await exportSignature(signature.id, data);
    } catch (error) {
      onRefused(error);
      throw error;
    }
    saveBlob(file.blob, file.filename);
    onExported(file.filename);
  });

  return (
    <Dialog titleId="volet-export-signature" title="Exporter la signature (.p12)" onClose={onClose}>
      <p>Signature n° {signature.serial}.</p>
      <p id="export-signature-avertissement" className="field-hint form-note">
        Le fichier .p12 contient votre clé privée : conservez-le en lieu sûr.
      </p>
      <FormFrame error={form.errors.form} onSubmit={submit}>
        <TextField
          label="Mot de passe de la signature"
          type="password"
          autoComplete="off"
          {...form.field('currentPassword')}
        />
        <NewPasswordFields
          password={form.field('password')}
          confirmation={form.field('passwordConfirmation')}
          label="Mot de passe du fichier"
          confirmationLabel="Confirmation du mot de passe du fichier"
          hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Il sera demandé à l’ouverture du fichier.`}
          describedBy="export-signature-avertissement"
        />
        <SubmitButton busy={form.busy}>Exporter</SubmitButton>
      </FormFrame>
      <CloseButton onClose={onClose} />
    </Dialog>
  );
}
