// The editor's buttons: "Voir le tableau", "Télécharger le fichier EDI", "Télécharger le PDF",
// and "Envoyer" for a "prête" declaration (the dialog asks the signature and its password).
import { useState } from 'react';
import type { DeclarationStatus } from '@passerelle/contracts';
import { Link } from 'react-router';
import { SendDialog } from '../sending/send-dialog';
import { DownloadEdiButton, DownloadPdfButton } from './download-buttons';

interface DeclarationActionsProps {
  id: string;
  status: DeclarationStatus;
  /** The declaration was sent from here. */
  onSent: () => void;
  /** A refusal saying the declaration changed meanwhile: it should be read again. */
  onStale: () => void;
}

/** The actions line and the "Envoyer" dialog. */
export function DeclarationActions({ id, status, onSent, onStale }: DeclarationActionsProps) {
  const [sending, setSending] = useState(false);
  return (
    <>
      <div className="actions declaration-actions">
        <Link className="button" to={`/declarations/${encodeURIComponent(id)}/tableau`}>
          Voir le tableau
        </Link>
        <DownloadEdiButton declarationId={id} />
        <DownloadPdfButton declarationId={id} />
        {status === 'ready' && (
          <button type="button" className="button button-primary" onClick={() => setSending(true)}>
            Envoyer
          </button>
        )}
      </div>
      {sending && (
        <SendDialog
          declarationIds={[id]}
          onClose={() => setSending(false)}
          onSent={() => {
            setSending(false);
            onSent();
          }}
          onStale={onStale}
        />
      )}
    </>
  );
}
