// A list of declarations whose "prête" ones can be ticked and sent together: "Tout sélectionner
// les prêtes", "Envoyer" (the dialog asks the signature and its password once), then the
// batch's progress bar above the list. Used on a dossier's page and on "Déclarations".
import { useRef, useState } from 'react';
import type { DeclarationSummary, SendingProgress } from '@passerelle/contracts';
import {
  anomalyCountText,
  declarationStatusText,
  declarationStatusTone,
} from '../declaration-labels';
import {
  isSendable,
  selectAllState,
  sendableIds,
  stillSelected,
  toggled,
} from '../declaration-selection';
import { exercisePeriod, formatSiren } from '../dossier-labels';
import { formatDateTime } from '../format';
import { Link } from '../router';
import { selectionText } from '../sending-labels';
import { SendDialog } from './send-dialog';
import type { SentBatch } from './send-dialog';
import { SendingProgressPanel } from './sending-progress';

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
}

/** The toolbar, the table with its checkboxes, the dialog and the progress of the last batch. */
export function SendableDeclarations({
  declarations,
  caption,
  showDossier = false,
  onChanged,
  idPrefix,
}: SendableDeclarationsProps) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialogIds, setDialogIds] = useState<readonly string[] | null>(null);
  const [sending, setSending] = useState<SendingProgress | null>(null);
  const counts = useRef('');

  const chosen = stillSelected(selected, declarations);
  const allState = selectAllState(selected, declarations);
  const readyCount = sendableIds(declarations).length;
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
              setSelected(event.target.checked ? new Set(sendableIds(declarations)) : new Set())
            }
          />
          <label htmlFor={selectAllId}>Tout sélectionner les prêtes</label>
        </div>
        <span id={selectionId} className="selection-count" aria-live="polite">
          {selectionText(chosen.length)}
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
      <div className="table-wrapper">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Exercice</th>
              {showDossier && <th scope="col">Dossier</th>}
              <th scope="col">Millésime</th>
              <th scope="col">Statut</th>
              <th scope="col">Anomalies</th>
              <th scope="col">Modifiée le</th>
            </tr>
          </thead>
          <tbody>
            {declarations.map((declaration) => {
              const period = exercisePeriod(declaration.exercise);
              return (
                <tr key={declaration.id}>
                  {/* The checkbox sits in the row header: the cells keep their columns. */}
                  <th scope="row">
                    <span className="select-box">
                      {isSendable(declaration) && (
                        <input
                          type="checkbox"
                          aria-label={`Sélectionner la déclaration ${declaration.dossierName}, exercice ${period}`}
                          checked={selected.has(declaration.id)}
                          onChange={(event) =>
                            setSelected((previous) =>
                              toggled(previous, declaration.id, event.target.checked),
                            )
                          }
                        />
                      )}
                    </span>
                    <Link to={`/declarations/${encodeURIComponent(declaration.id)}`}>{period}</Link>
                  </th>
                  {showDossier && (
                    <td>
                      <Link to={`/dossiers/${encodeURIComponent(declaration.dossierId)}`}>
                        {declaration.dossierName}
                      </Link>
                      <span className="field-hint nowrap"> {formatSiren(declaration.siren)}</span>
                    </td>
                  )}
                  <td>{declaration.millesime}</td>
                  <td>
                    <span className={`tag tag-${declarationStatusTone(declaration.status)}`}>
                      {declarationStatusText(declaration.status)}
                    </span>
                  </td>
                  <td>{anomalyCountText(declaration.errorCount, declaration.warningCount)}</td>
                  <td>
                    <time dateTime={declaration.updatedAt}>
                      {formatDateTime(declaration.updatedAt)}
                    </time>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
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
