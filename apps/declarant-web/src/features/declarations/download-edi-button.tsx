// "Télécharger le fichier EDI": the declaration's INFENT interchange, saved without leaving the page.
import { useState } from 'react';
import { downloadInterchange } from '../../api/endpoints';
import { saveBlob } from '../../shared/download';
import { errorText } from '../../shared/errors';
import { ErrorAlert } from '../../shared/alerts';

/** The button and, when the server refuses, its French reason below it. */
export function DownloadEdiButton({ declarationId }: { declarationId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const file = await downloadInterchange(declarationId);
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
        Télécharger le fichier EDI
      </button>
      <ErrorAlert message={error} />
    </div>
  );
}
