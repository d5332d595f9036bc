// "Révoquer": the confirmation (role="alertdialog") of a definitive revocation.
import { useRef, useState } from 'react';
import type { DeclarantSignature } from '@passerelle/contracts';
import { revokeSignature } from '../api/endpoints';
import { errorText } from '../errors';
import { ErrorAlert } from './alerts';
import { Dialog } from './dialog';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  async function confirm(): Promise<void> {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      onRevoked(await revokeSignature(signature.id));
    } catch (caught) {
      setError(errorText(caught));
      onRefused(caught);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return (
    <Dialog
      titleId="revocation-signature-titre"
      title="Révocation de la signature"
      describedBy="revocation-signature-texte"
      role="alertdialog"
      variant="confirm-dialog"
      onClose={onCancel}
    >
      <p id="revocation-signature-texte">
        Révoquer la signature n° {signature.serial} ? Elle ne pourra plus servir à envoyer des
        déclarations. Cette action est définitive.
      </p>
      <ErrorAlert message={error} />
      <div className="actions">
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          aria-busy={busy}
          onClick={() => void confirm()}
        >
          Révoquer la signature
        </button>
        <button type="button" className="button" autoFocus onClick={onCancel}>
          Annuler
        </button>
      </div>
    </Dialog>
  );
}
