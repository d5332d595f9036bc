// The files of a transmission: the signed file sent (.p7m), the partner's receipt, the CONTRL
// and the CR of the DGFiP, each saved without leaving the page.
import { useState } from 'react';
import type { Transmission } from '@passerelle/contracts';
import { downloadTransmissionFile } from '../../api/sending-endpoints';
import type { TransmissionFileKind } from '../../api/sending-endpoints';
import { saveBlob } from '../../shared/download';
import { errorText } from '../../shared/errors';
import { transmissionFiles } from './transmission-labels';
import { ErrorAlert } from '../../shared/alerts';

/** One button per file that exists; a refusal is shown below them. */
export function TransmissionDownloads({ transmission }: { transmission: Transmission }) {
  const [busy, setBusy] = useState<TransmissionFileKind | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(kind: TransmissionFileKind): Promise<void> {
    if (busy !== null) return;
    setBusy(kind);
    setError(null);
    try {
      const file = await downloadTransmissionFile(transmission.id, kind);
      saveBlob(file.blob, file.filename);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="transmission-downloads">
      <div className="actions" role="group" aria-label="Télécharger">
        {transmissionFiles(transmission).map((file) => (
          <button
            key={file.kind}
            type="button"
            className="button"
            disabled={busy !== null}
            aria-busy={busy === file.kind}
            onClick={() => void download(file.kind)}
          >
            {file.label}
          </button>
        ))}
      </div>
      <ErrorAlert message={error} />
    </div>
  );
}
