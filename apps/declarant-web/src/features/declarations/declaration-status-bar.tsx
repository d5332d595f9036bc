// Above the liasse editor: the status, the anomaly counts, the millésime and its tables, the save
// indicator, what the status means ("prête", read-only once sent), and a failed save with
// "Réessayer".
import type { DeclarationDetail } from '@passerelle/contracts';
import { ErrorAlert, Notice } from '../../shared/alerts';
import { readOnlyNotice } from '../sending/transmission-labels';
import {
  anomalyCountText,
  declarationStatusText,
  declarationStatusTone,
  millesimeText,
  readyNotice,
} from './declaration-labels';
import { isEditable } from './declaration-labels';
import type { SaveState } from './save-queue';

const saveTexts: Record<SaveState, string> = {
  idle: '',
  waiting: '',
  saving: 'Enregistrement…',
  saved: 'Modifications enregistrées.',
  failed: '',
};

interface StatusBarProps {
  declaration: DeclarationDetail;
  saveState: SaveState;
  saveError: string | null;
  onRetry: () => void;
}

/** The status line and the notices under it. */
export function DeclarationStatusBar({
  declaration,
  saveState,
  saveError,
  onRetry,
}: StatusBarProps) {
  return (
    <>
      <div className="declaration-status">
        <span>
          Statut :{' '}
          <span className={`tag tag-${declarationStatusTone(declaration.status)}`}>
            {declarationStatusText(declaration.status)}
          </span>
        </span>
        <span>{anomalyCountText(declaration.errorCount, declaration.warningCount)}</span>
        <span>{millesimeText(declaration.millesime, declaration.pack)}</span>
        <span className="save-state" aria-live="polite">
          {saveTexts[saveState]}
        </span>
      </div>
      {declaration.status === 'ready' && <Notice>{readyNotice}</Notice>}
      {!isEditable(declaration.status) && <Notice>{readOnlyNotice(declaration.status)}</Notice>}
      {saveError !== null && (
        <div className="save-error">
          <ErrorAlert message={saveError} />
          <button type="button" className="button" onClick={onRetry}>
            Réessayer
          </button>
        </div>
      )}
    </>
  );
}
