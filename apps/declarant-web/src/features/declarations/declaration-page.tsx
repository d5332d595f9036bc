// `/declarations/:id` (every signed-in user): the liasse editor. A tab per form (F-IDENTIF
// read-only as "Identification"), each a table of its cells; changes are validated live by the
// server and the "Anomalies" panel links every finding to its cell.
import { useEffect, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { editableDeclarationStatuses } from '@passerelle/contracts';
import type { DeclarationAnomaly, DeclarationStatus } from '@passerelle/contracts';
import { ErrorAlert, Notice } from '../../shared/alerts';
import { AnomalyPanel } from './anomaly-panel';
import { DeclarationFormTable } from './declaration-form-table';
import { DownloadEdiButton } from './download-edi-button';
import { Loading, Page } from '../../shared/page';
import { SendDialog } from '../sending/send-dialog';
import { TransmissionTimeline } from '../sending/transmission-timeline';
import { cellInputId } from './declaration-cells';
import {
  IDENTIFICATION_FORM,
  anomalyCountText,
  declarationStatusText,
  declarationStatusTone,
  declarationTitle,
  formTabLabel,
  readyNotice,
  sortAnomalies,
} from './declaration-labels';
import { Link, useLocation } from '../../shared/router';
import type { RouteProps } from '../../shared/router';
import { readOnlyNotice } from '../sending/transmission-labels';
import { useDeclarationEditor } from './use-declaration-editor';
import type { SaveState } from './use-declaration-editor';

/** The editor of the declaration named by the path's `:id`. */
export function DeclarationPage({ params }: RouteProps) {
  const id = params.id ?? '';
  return <DeclarationEditor key={id} id={id} />;
}

const saveTexts: Record<SaveState, string> = {
  idle: '',
  waiting: '',
  saving: 'Enregistrement…',
  saved: 'Modifications enregistrées.',
  failed: '',
};

const panelHeadingId = (form: string) => `formulaire-${form}`;
// Sent declarations are read-only until a refusal leaves nothing at the DGFiP.
const isEditable = (status: DeclarationStatus) => editableDeclarationStatuses.includes(status);
const tabId = (form: string) => `onglet-${form}`;

function DeclarationEditor({ id }: { id: string }) {
  const { state } = useLocation();
  const editor = useDeclarationEditor(id);
  const { declaration, layout, setNotice } = editor;
  const [activeForm, setActiveForm] = useState<string | null>(null);
  const [occurrences, setOccurrences] = useState<Partial<Record<string, number>>>({});
  const [focusTarget, setFocusTarget] = useState<{ id: string } | null>(null);
  const [sending, setSending] = useState(false);
  // Bumped after a sending from this page: "Suivi des envois" starts following it.
  const [sentVersion, setSentVersion] = useState(0);

  useEffect(() => {
    // The arrival notice ("Déclaration créée.") is shown once, not again after a reload.
    if (state.notice !== undefined) {
      setNotice(state.notice);
      window.history.replaceState({}, '');
    }
    // Only on arrival.
  }, []);

  const forms = useMemo(() => layout?.forms ?? [], [layout]);
  const formOrder = useMemo(() => forms.map((form) => form.id), [forms]);
  // The first form to fill (the main return) rather than the read-only identification.
  const current =
    forms.find((form) => form.id === activeForm) ??
    forms.find((form) => form.id !== IDENTIFICATION_FORM) ??
    forms[0];

  const anomalies = useMemo(
    () => sortAnomalies(declaration?.anomalies ?? [], formOrder),
    [declaration, formOrder],
  );
  /** Anomalies by "form|occurrence" then cell code. */
  const anomalyIndex = useMemo(() => {
    const index = new Map<string, Map<string, DeclarationAnomaly[]>>();
    for (const anomaly of anomalies) {
      if (anomaly.form === null || anomaly.code === null) continue;
      const key = `${anomaly.form}|${anomaly.formOccurrence ?? 0}`;
      const byCode = index.get(key) ?? new Map<string, DeclarationAnomaly[]>();
      byCode.set(anomaly.code, [...(byCode.get(anomaly.code) ?? []), anomaly]);
      index.set(key, byCode);
    }
    return index;
  }, [anomalies]);
  const errorsByForm = useMemo(() => {
    const counts = new Map<string, number>();
    for (const anomaly of anomalies) {
      if (anomaly.severity === 'error' && anomaly.form !== null)
        counts.set(anomaly.form, (counts.get(anomaly.form) ?? 0) + 1);
    }
    return counts;
  }, [anomalies]);

  useEffect(() => {
    if (focusTarget === null) return;
    const element = document.getElementById(focusTarget.id);
    if (element !== null) {
      element.focus();
      element.scrollIntoView?.({ block: 'center' });
    }
  }, [focusTarget]);

  function targetOf(anomaly: DeclarationAnomaly): string | null {
    const form = forms.find((candidate) => candidate.id === anomaly.form);
    if (form === undefined) return null;
    const occurrence = anomaly.formOccurrence ?? 0;
    if (anomaly.code !== null && form.cells.some((cell) => cell.code === anomaly.code))
      return cellInputId(form.id, anomaly.code, occurrence, anomaly.valueIndex ?? 0);
    return panelHeadingId(form.id);
  }

  function select(anomaly: DeclarationAnomaly): void {
    const target = targetOf(anomaly);
    if (target === null || anomaly.form === null) return;
    const form = anomaly.form;
    setActiveForm(form);
    setOccurrences((previous) => ({ ...previous, [form]: anomaly.formOccurrence ?? 0 }));
    setFocusTarget({ id: target });
  }

  function handleTabKey(event: KeyboardEvent<HTMLButtonElement>, index: number): void {
    const moves: Partial<Record<string, number>> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: forms.length - 1,
    };
    const wanted = moves[event.key];
    if (wanted === undefined) return;
    event.preventDefault();
    const next = forms[(wanted + forms.length) % forms.length];
    if (next === undefined) return;
    setActiveForm(next.id);
    setFocusTarget({ id: tabId(next.id) });
  }

  const title = declaration === null ? 'Déclaration' : declarationTitle(declaration);
  const occurrenceCount = current === undefined ? 0 : (declaration?.forms[current.id]?.length ?? 1);
  const occurrence = Math.min(
    current === undefined ? 0 : (occurrences[current.id] ?? 0),
    Math.max(0, occurrenceCount - 1),
  );

  return (
    <Page title={title}>
      {declaration !== null && (
        <p>
          <Link to={`/dossiers/${encodeURIComponent(declaration.dossierId)}`}>
            Dossier {declaration.dossierName}
          </Link>
        </p>
      )}
      <Notice>{editor.notice}</Notice>
      <ErrorAlert message={editor.loadError} />
      {declaration === null || layout === null || current === undefined ? (
        editor.loadError === null && <Loading />
      ) : (
        <>
          <div className="declaration-status">
            <span>
              Statut :{' '}
              <span className={`tag tag-${declarationStatusTone(declaration.status)}`}>
                {declarationStatusText(declaration.status)}
              </span>
            </span>
            <span>{anomalyCountText(declaration.errorCount, declaration.warningCount)}</span>
            <span className="save-state" aria-live="polite">
              {saveTexts[editor.saveState]}
            </span>
          </div>
          {declaration.status === 'ready' && <Notice>{readyNotice}</Notice>}
          {!isEditable(declaration.status) && <Notice>{readOnlyNotice(declaration.status)}</Notice>}
          {editor.saveError !== null && (
            <div className="save-error">
              <ErrorAlert message={editor.saveError} />
              <button type="button" className="button" onClick={editor.retry}>
                Réessayer
              </button>
            </div>
          )}
          <div className="actions declaration-actions">
            <Link className="button" to={`/declarations/${encodeURIComponent(id)}/tableau`}>
              Voir le tableau
            </Link>
            <DownloadEdiButton declarationId={id} />
            {declaration.status === 'ready' && (
              <button
                type="button"
                className="button button-primary"
                onClick={() => setSending(true)}
              >
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
                setSentVersion((value) => value + 1);
                void editor.refresh();
              }}
              onStale={() => void editor.refresh()}
            />
          )}
          <TransmissionTimeline
            declarationId={id}
            version={sentVersion}
            onStatusChange={() => void editor.refresh()}
          />

          <div className="editor-layout">
            <section className="card editor-forms" aria-labelledby="formulaires-titre">
              <h2 id="formulaires-titre" className="visually-hidden">
                Formulaires de la liasse
              </h2>
              <div className="tabs" role="tablist" aria-label="Formulaires de la liasse">
                {forms.map((form, index) => {
                  const selected = form.id === current.id;
                  const errors = errorsByForm.get(form.id) ?? 0;
                  return (
                    <button
                      key={form.id}
                      type="button"
                      role="tab"
                      id={tabId(form.id)}
                      className="tab"
                      aria-selected={selected}
                      aria-controls={selected ? `panneau-${form.id}` : undefined}
                      tabIndex={selected ? 0 : -1}
                      onClick={() => setActiveForm(form.id)}
                      onKeyDown={(event) => handleTabKey(event, index)}
                    >
                      <span className="tab-label">{formTabLabel(form)}</span>
                      {errors > 0 && (
                        <span className="tab-count">
                          <span aria-hidden="true">{errors}</span>
                          <span className="visually-hidden">
                            {`, ${errors} ${errors === 1 ? 'erreur' : 'erreurs'}`}
                          </span>
                        </span>
                      )}
                    </button>
                  );
                })}
              </div>
              <div role="tabpanel" id={`panneau-${current.id}`} aria-labelledby={tabId(current.id)}>
                <h3 id={panelHeadingId(current.id)} tabIndex={-1}>
                  {current.id === IDENTIFICATION_FORM
                    ? 'Identification'
                    : `Formulaire ${current.label}`}
                </h3>
                {current.id === IDENTIFICATION_FORM && (
                  <p className="field-hint">
                    L’identification reprend le dossier (SIREN, adresse, régime) et l’exercice :
                    modifiez le dossier pour la changer.
                  </p>
                )}
                {occurrenceCount > 1 && (
                  <div className="field occurrence-field">
                    <label htmlFor={`occurrence-${current.id}`}>Occurrence</label>
                    <select
                      id={`occurrence-${current.id}`}
                      value={occurrence}
                      onChange={(event) =>
                        setOccurrences((previous) => ({
                          ...previous,
                          [current.id]: Number(event.target.value),
                        }))
                      }
                    >
                      {Array.from({ length: occurrenceCount }, (_, index) => (
                        <option key={index} value={index}>
                          {index + 1}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
                <DeclarationFormTable
                  key={`${current.id}|${occurrence}`}
                  form={current}
                  occurrence={occurrence}
                  readOnly={current.id === IDENTIFICATION_FORM || !isEditable(declaration.status)}
                  anomaliesByCode={anomalyIndex.get(`${current.id}|${occurrence}`) ?? emptyIndex}
                  entryOf={editor.entryOf}
                  draftOf={editor.draftOf}
                  errorOf={editor.errorOf}
                  onEdit={editor.edit}
                  onLeave={editor.leave}
                />
              </div>
            </section>
            <AnomalyPanel anomalies={anomalies} targetOf={targetOf} onSelect={select} />
          </div>
        </>
      )}
    </Page>
  );
}

const emptyIndex: ReadonlyMap<string, readonly DeclarationAnomaly[]> = new Map();
