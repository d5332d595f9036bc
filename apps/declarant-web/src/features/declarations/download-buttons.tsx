// "Télécharger le fichier EDI" (the INFENT interchange) and "Télécharger le PDF" (the
// declaration as on paper): saved without leaving the page.
import { useState } from 'react';
import { downloadDeclarationPdf, downloadInterchange } from '../../api/endpoints';
import type { ApiFile } from '../../api/client';
import { saveBlob } from '../../shared/download';
import { errorText } from '../../shared/errors';
import { ErrorAlert } from '../../shared/alerts';

/** The button and, when the server refuses, its French reason below it. */
function DownloadButton({ label, fetch }: { label: string; fetch: () => Promise<ApiFile> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const file = await fetch();
      saveBlob(file.blob, file.filename);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="download-edi">
      <button
        type="button"
        className="button"
        onClick={() => void download()}
        disabled={busy}
        aria-busy={busy}
      >
        {label}
      </button>
      <ErrorAlert message={error} />
    </div>
  );
}

/** "Télécharger le fichier EDI". */
export function DownloadEdiButton({ declarationId }: { declarationId: string }) {
  return (
    <DownloadButton
      label="Télécharger le fichier EDI"
      fetch={() => downloadInterchange(declarationId)}
    />
  );
}

/** "Télécharger le PDF": every form as printed, for the client's approval and the archive. */
export function DownloadPdfButton({ declarationId }: { declarationId: string }) {
  return (
    <DownloadButton
      label="Télécharger le PDF"
      fetch={() => downloadDeclarationPdf(declarationId)}
    />
  );
}
