// The progress of a batch after "Signer et envoyer": a real progress bar fed by the server's
// counts (asked every second) until every declaration has its final status.
import { useEffect } from 'react';
import type { SendingProgress } from '@passerelle/contracts';
import { progressText, progressValue, sendingDoneText } from './sending-labels';
import { useSendingProgress } from './use-sending-progress';
import { ErrorAlert, Notice } from '../../shared/alerts';

interface SendingProgressPanelProps {
  /** The batch as the 202 answer gave it. */
  initial: SendingProgress;
  /** Called with each new progress: the list shows the new statuses. */
  onProgress: (progress: SendingProgress) => void;
  onDismiss: () => void;
}

/** "Envoi en cours" with its <progress>, then "Envoi terminé" and "Fermer". */
export function SendingProgressPanel({
  initial,
  onProgress,
  onDismiss,
}: SendingProgressPanelProps) {
  const { progress, error } = useSendingProgress(initial);
  const headingId = `envoi-${initial.id}-titre`;
  const textId = `envoi-${initial.id}-texte`;

  useEffect(() => {
    onProgress(progress);
    // Only when the server's counts change.
  }, [progress]);

  return (
    <section className="sending-progress" aria-labelledby={headingId}>
      <h3 id={headingId}>{progress.done ? 'Envoi terminé' : 'Envoi en cours'}</h3>
      <progress
        className="sending-progress-bar"
        value={progressValue(progress)}
        max={Math.max(1, progress.total)}
        aria-labelledby={headingId}
        aria-describedby={textId}
      />
      <p id={textId} className="sending-progress-text">
        {progressText(progress)}
      </p>
      <ErrorAlert message={error} />
      {progress.done && (
        <>
          <Notice>{sendingDoneText(progress)}</Notice>
          <button type="button" className="button" onClick={onDismiss}>
            Fermer
          </button>
        </>
      )}
    </section>
  );
}
