// "Révoquer": the confirmation (role="alertdialog") of a definitive revocation.
import type { DeclarantSignature } from '@passerelle/contracts';
import { revokeSignature } from '../../api/endpoints';
import { ConfirmDialog } from '../../shared/confirm-dialog';

interface RevokeSignatureDialogProps {
  signature: DeclarantSignature;
  onCancel: () => void;
  onRevoked: (signature: DeclarantSignature) => void;
  onRefused: (error: unknown) => void;
}

/** "Révoquer la signature n° … ?" with "Révoquer la signature" and "Annuler" (focused). */
export function RevokeSignatureDialog({
  signature,
  onCancel,
  onRevoked,
  onRefused,
}: RevokeSignatureDialogProps) {
  return (
    <ConfirmDialog
      idPrefix="revocation-signature"
      title="Révocation de la signature"
      question={`Révoquer la signature n° ${signature.serial} ? Elle ne pourra plus servir à envoyer des déclarations. Cette action est définitive.`}
      confirmLabel="Révoquer la signature"
      onConfirm={async () => onRevoked(await revokeSignature(signature.id))}
      onCancel={onCancel}
      onRefused={onRefused}
    />
  );
}
