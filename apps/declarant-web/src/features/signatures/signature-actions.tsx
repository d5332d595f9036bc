// The buttons of one row of the user's signatures: "Révoquer", "Changer le mot de passe",
// "Exporter (.p12)" (none for a revoked or expired signature).
import type { DeclarantSignature } from '@passerelle/contracts';
import { hasSignatureActions } from './signature-labels';

/** Which dialog a row's button opens. */
export type SignatureAction = 'revoke' | 'password' | 'export';

const buttons: readonly { action: SignatureAction; label: string }[] = [
  { action: 'revoke', label: 'Révoquer' },
  { action: 'password', label: 'Changer le mot de passe' },
  { action: 'export', label: 'Exporter (.p12)' },
];

/** The row's actions; each button is described by the row's serial number cell. */
export function SignatureActions({
  signature,
  serialId,
  onAction,
}: {
  signature: DeclarantSignature;
  serialId: string;
  onAction: (action: SignatureAction, signature: DeclarantSignature) => void;
}) {
  if (!hasSignatureActions(signature)) return null;
  return (
    <div className="actions">
      {buttons.map(({ action, label }) => (
        <button
          key={action}
          type="button"
          className="button button-small"
          aria-describedby={serialId}
          onClick={() => onAction(action, signature)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
