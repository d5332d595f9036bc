// "Exporter (.p12)": the signature's certificate and key in a PKCS#12 file with its own password.
import { PASSWORD_MIN_LENGTH, exportSignatureRequest } from '@passerelle/contracts';
import type { DeclarantSignature } from '@passerelle/contracts';
import { exportSignature } from '../../api/endpoints';
import { saveBlob } from '../../shared/download';
import { Dialog } from '../../shared/dialog';
import { CloseButton, FormFrame } from '../../shared/form-frame';
import { PasswordChangeFields, usePasswordChangeForm } from '../../shared/password-change-fields';

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
  const form = usePasswordChangeForm(
    'export-signature',
    exportSignatureRequest,
    'WRONG_SIGNATURE_PASSWORD',
  );
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
      <FormFrame form={form} onSubmit={submit} submit="Exporter">
        <PasswordChangeFields
          field={form.field}
          currentLabel="Mot de passe de la signature"
          label="Mot de passe du fichier"
          confirmationLabel="Confirmation du mot de passe du fichier"
          hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Il sera demandé à l’ouverture du fichier.`}
          describedBy="export-signature-avertissement"
        />
      </FormFrame>
      <CloseButton onClose={onClose} />
    </Dialog>
  );
}
