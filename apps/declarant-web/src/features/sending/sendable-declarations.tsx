// A list of declarations whose "prête" ones can be ticked and sent together: "Tout sélectionner
// les prêtes", "Envoyer" (the dialog asks the signature and its password once), then the
// batch's progress bar above the list. Used on a dossier's page and on "Déclarations".
//
// The list is paged ("Charger plus"): ticks stay on the declarations already loaded while more
// are loaded, "Tout sélectionner les prêtes" ticks the loaded ones, and "Sélectionner toutes les
// prêtes" ticks every "prête" of the list, loaded or not, up to the most one sending signs
// (1 000); the server checks each again when "Envoyer" signs them.
import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { MAX_SENDING_DECLARATIONS } from '@passerelle/contracts';
import type { DeclarationSummary, SendingProgress } from '@passerelle/contracts';
import {
  selectAllState,
  sendableIds,
  stillSelected,
  toggled,
  withAll,
} from './declaration-selection';
import { errorText } from '../../shared/errors';
import { selectionText } from './sending-labels';
import { ErrorAlert } from '../../shared/alerts';
import { DeclarationSelectTable } from './declaration-select-table';
import { SendDialog } from './send-dialog';
import type { SentBatch } from './send-dialog';
import { SendingProgressPanel } from './sending-progress';
import './sending.css';

interface SendableDeclarationsProps {
  declarations: readonly DeclarationSummary[];
  /** Hidden caption of the table ("Déclarations de …"). */
  caption: string;
  /** Adds the "Dossier" column (the list across dossiers). */
  showDossier?: boolean;
  /** Asks the parent to read the list again (statuses changed by a sending). */
  onChanged: () => void;
  /** Prefix of the ids of the page's controls, unique on the page. */
  idPrefix: string;
  /**
   * The ids of every "prête" declaration of the list, loaded or not (at most `max`); given
   * while the list has pages not loaded yet.
   */
  loadReadyIds?: ((max: number) => Promise<string[]>) | undefined;
  /** Under the table: the count and "Charger plus". */
  footer?: ReactNode;
  /** Shown instead of the table when the list is empty (the last batch's progress stays). */
  empty?: ReactNode;
}

/** The toolbar, the table with its checkboxes, the dialog and the progress of the last batch. */
export function SendableDeclarations({
  declarations,
  caption,
  showDossier = false,
  onChanged,
  idPrefix,
  loadReadyIds,
  footer,
  empty,
}: SendableDeclarationsProps) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialogIds, setDialogIds] = useState<readonly string[] | null>(null);
  const [sending, setSending] = useState<SendingProgress | null>(null);
  const [selectingAll, setSelectingAll] = useState(false);
  const [selectError, setSelectError] = useState<string | null>(null);
  const counts = useRef('');

  const chosen = stillSelected(selected, declarations).slice(0, MAX_SENDING_DECLARATIONS);
  const allState = selectAllState(selected, declarations);
  const readyCount = sendableIds(declarations).length;
  const atMost = chosen.length >= MAX_SENDING_DECLARATIONS;

  const selectEveryReady = () => {
    if (!loadReadyIds || selectingAll) return;
    setSelectingAll(true);
    setSelectError(null);
    loadReadyIds(MAX_SENDING_DECLARATIONS)
      .then(
        (ids) => setSelected((previous) => withAll(previous, ids, MAX_SENDING_DECLARATIONS)),
        (caught: unknown) => setSelectError(errorText(caught)),
      )
      .finally(() => setSelectingAll(false));
  };
  const selectAllId = `${idPrefix}-tout-selectionner`;
  const selectionId = `${idPrefix}-selection`;

  const sent = (batch: SentBatch) => {
    setDialogIds(null);
    setSelected(new Set());
    setSending(batch.sending);
    onChanged();
  };
  // Each change of the counts means some declarations have a new status.
  const progressed = (progress: SendingProgress) => {
    const key = [progress.id, progress.transmitted, progress.finished, progress.failed].join('|');
    if (key === counts.current) return;
    counts.current = key;
    onChanged();
  };

  return (
    <div className="sendable-declarations">
      {sending !== null && (
        <SendingProgressPanel
          key={sending.id}
          initial={sending}
          onProgress={progressed}
          onDismiss={() => setSending(null)}
        />
      )}
      {declarations.length === 0 ? (
        empty
      ) : (
        <>
          <div className="selection-toolbar">
            <div className="checkbox-field">
              <input
                id={selectAllId}
                type="checkbox"
                checked={allState === 'all'}
                ref={(input) => {
                  if (input !== null) input.indeterminate = allState === 'some';
                }}
                disabled={readyCount === 0}
                onChange={(event) =>
                  setSelected(
                    event.target.checked
                      ? withAll(selected, sendableIds(declarations), MAX_SENDING_DECLARATIONS)
                      : new Set(),
                  )
                }
              />
              <label htmlFor={selectAllId}>Tout sélectionner les prêtes</label>
            </div>
            {loadReadyIds && (
              <button
                type="button"
                className="button"
                disabled={selectingAll || atMost}
                aria-busy={selectingAll}
                onClick={selectEveryReady}
              >
                {selectingAll ? 'Sélection…' : 'Sélectionner toutes les prêtes, même non affichées'}
              </button>
            )}
            <span id={selectionId} className="selection-count" aria-live="polite">
              {selectionText(chosen.length)}
              {atMost && ' (le maximum d’un envoi)'}
            </span>
            <button
              type="button"
              className="button button-primary"
              disabled={chosen.length === 0}
              aria-describedby={selectionId}
              onClick={() => setDialogIds(chosen)}
            >
              Envoyer
            </button>
          </div>
          <ErrorAlert message={selectError} />
          <DeclarationSelectTable
            declarations={declarations}
            caption={caption}
            showDossier={showDossier}
            selected={selected}
            onToggle={(id, on) => setSelected((previous) => toggled(previous, id, on))}
          />
          {footer}
        </>
      )}
      {dialogIds !== null && (
        <SendDialog
          declarationIds={dialogIds}
          onClose={() => setDialogIds(null)}
          onSent={sent}
          onStale={onChanged}
        />
      )}
    </div>
  );
}
