// The signatures table: the user's own ("Compte utilisateur", with actions) or the firm's
// ("Signatures du cabinet", with the holders' email addresses).
import type { ReactNode } from 'react';
import type { DeclarantSignature } from '@passerelle/contracts';
import { formatDate } from '../../shared/format';
import { DataTable } from '../../shared/data-table';
import { signatureStatusText, signatureStatusTone } from './signature-labels';
import { fullName } from '../auth/session';
import './signatures.css';

interface SignatureTableProps {
  signatures: readonly DeclarantSignature[];
  caption: string;
  /** Adds the "Adresse email" column (the firm's view). */
  showEmail?: boolean;
  /** Adds the "Actions" column; `serialId` names the row's serial cell (aria-describedby). */
  actions?: (signature: DeclarantSignature, serialId: string) => ReactNode;
}

/** Titulaire, [Adresse email], Numéro de série, Émise le, Expire le, Statut, [Actions]. */
export function SignatureTable({ signatures, caption, showEmail, actions }: SignatureTableProps) {
  if (signatures.length === 0) return <p>Aucune signature.</p>;
  return (
    <DataTable
      caption={caption}
      columns={[
        'Titulaire',
        showEmail === true && 'Adresse email',
        'Numéro de série',
        'Émise le',
        'Expire le',
        'Statut',
        actions !== undefined && 'Actions',
      ]}
    >
      {signatures.map((signature) => {
        const serialId = `signature-${signature.id}-serie`;
        return (
          <tr key={signature.id}>
            <th scope="row">{fullName(signature.holder)}</th>
            {showEmail && <td>{signature.holder.email}</td>}
            <td id={serialId} className="serial">
              {signature.serial}
            </td>
            <td>
              <time dateTime={signature.issuedAt}>{formatDate(signature.issuedAt)}</time>
            </td>
            <td>
              <time dateTime={signature.notAfter}>{formatDate(signature.notAfter)}</time>
            </td>
            <td>
              <span className={`tag tag-${signatureStatusTone(signature.status)}`}>
                {signatureStatusText(signature)}
              </span>
              {signature.isDefault && <span className="tag tag-info">Par défaut</span>}
            </td>
            {actions !== undefined && <td>{actions(signature, serialId)}</td>}
          </tr>
        );
      })}
    </DataTable>
  );
}
