// A confirmation (role="alertdialog") before an action with lasting effects ("Révoquer",
// "Désactiver"): the question, the action's button, and "Annuler" focused, so that Enter or a
// double click never confirms by accident. A refusal is shown inside the dialog.
import type { ReactNode } from 'react';
import { ErrorAlert } from './alerts';
import { Dialog } from './dialog';
import { useAction } from './use-action';

interface ConfirmDialogProps {
  /** Prefix of the ids of the title (`-titre`) and the question (`-texte`). */
  idPrefix: string;
  title: string;
  question: ReactNode;
  /** The action's button, e.g. "Révoquer la signature". */
  confirmLabel: string;
  /** Runs the action once confirmed; what it throws is shown and given to `onRefused`. */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
  onRefused?: (error: unknown) => void;
}

/** The question with the action's (danger) button and "Annuler"; one confirmation at a time. */
export function ConfirmDialog({
  idPrefix,
  title,
  question,
  confirmLabel,
  onConfirm,
  onCancel,
  onRefused,
}: ConfirmDialogProps) {
  const { run: confirm, busy, error } = useAction(onConfirm, onRefused);

  return (
    <Dialog
      titleId={`${idPrefix}-titre`}
      title={title}
      describedBy={`${idPrefix}-texte`}
      role="alertdialog"
      variant="confirm-dialog"
      onClose={onCancel}
    >
      <p id={`${idPrefix}-texte`}>{question}</p>
      <ErrorAlert message={error} />
      <div className="actions">
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          aria-busy={busy}
          onClick={() => confirm()}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button" data-autofocus onClick={onCancel}>
          Annuler
        </button>
      </div>
    </Dialog>
  );
}
