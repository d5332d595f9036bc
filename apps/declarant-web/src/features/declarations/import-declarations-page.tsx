// `/declarations/import` (every signed-in user): "Importer des déclarations" from an EDI-TDFC
// INFENT file produced by another software (sent as is), or from a JSON file in the documented
// integrator format; the created declarations are listed with a link each.
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { DeclarationSummary } from '@passerelle/contracts';
import { importInterchange, importJson } from '../../api/endpoints';
import { Notice } from '../../shared/alerts';
import { Page } from '../../shared/page';
import {
  anomalyCountText,
  declarationStatusText,
  declarationStatusTone,
  importedText,
} from './declaration-labels';
import { exercisePeriod } from '../dossiers/dossier-labels';
import { errorText } from '../../shared/errors';
import { Link } from 'react-router';
import './declarations.css';

/** Shown when "Importer" is pressed before a file is chosen. */
export const noFileMessage = 'Choisissez un fichier.';
/** Shown when the chosen JSON file cannot be read as JSON. */
export const unreadableJsonMessage =
  'Ce fichier n’est pas un fichier JSON lisible : vérifiez qu’il s’agit bien du fichier d’import.';

/** The two import forms and what the last import created. */
export function ImportDeclarationsPage() {
  const [created, setCreated] = useState<DeclarationSummary[] | null>(null);

  return (
    <Page title="Importer des déclarations">
      <p>
        <Link to="/dossiers">Tous les dossiers</Link>
      </p>
      <p>
        Chaque déclaration importée est rattachée au dossier de son SIREN et à son exercice, puis
        vérifiée comme dans l’éditeur. Un fichier refusé ne crée aucune déclaration.
      </p>
      <ImportForm
        id="import-infent"
        title="Depuis un fichier EDI-TDFC"
        label="Fichier EDI-TDFC (INFENT)"
        hint="Un fichier INFENT produit par un autre logiciel ; il peut contenir plusieurs déclarations."
        accept=".edi,.txt,.infent,application/edifact"
        button="Importer"
        send={(file) => importInterchange(file)}
        onImported={setCreated}
      />
      <ImportForm
        id="import-json"
        title="Depuis un fichier JSON"
        label="Fichier JSON"
        hint="Un fichier au format d’import JSON documenté pour les intégrateurs."
        accept=".json,application/json"
        button="Importer le fichier JSON"
        send={async (file) => {
          let body: unknown;
          try {
            body = JSON.parse(await file.text());
          } catch {
            throw new LocalError(unreadableJsonMessage);
          }
          return importJson(body);
        }}
        onImported={setCreated}
      />
      {created !== null && <ImportResult declarations={created} />}
    </Page>
  );
}

/** A refusal found before sending anything (shown as is). */
class LocalError extends Error {}

interface ImportFormProps {
  id: string;
  title: string;
  label: string;
  hint: string;
  accept: string;
  button: string;
  send: (file: File) => Promise<DeclarationSummary[]>;
  onImported: (declarations: DeclarationSummary[]) => void;
}

/** One import: its file input, its button, its French refusal. */
function ImportForm({ id, title, label, hint, accept, button, send, onImported }: ImportFormProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = `${id}-fichier`;
  const errorId = `${inputId}-error`;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const file = input.current?.files?.[0];
    if (file === undefined) {
      setError(noFileMessage);
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onImported(await send(file));
      if (input.current !== null) input.current.value = '';
    } catch (caught) {
      setError(caught instanceof LocalError ? caught.message : errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-titre`}>
      <h2 id={`${id}-titre`}>{title}</h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={inputId}>{label}</label>
          <p id={`${inputId}-hint`} className="field-hint">
            {hint}
          </p>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept={accept}
            aria-invalid={error === null ? undefined : true}
            aria-describedby={[`${inputId}-hint`, error === null ? '' : errorId]
              .filter(Boolean)
              .join(' ')}
            onChange={() => setError(null)}
          />
          {error !== null && (
            <p id={errorId} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Import en cours…' : button}
        </button>
      </form>
    </section>
  );
}

/** "N déclarations importées." and a link to each. */
function ImportResult({ declarations }: { declarations: readonly DeclarationSummary[] }) {
  return (
    <Notice>
      <p>{importedText(declarations.length)}</p>
      <ul className="import-result">
        {declarations.map((declaration) => (
          <li key={declaration.id}>
            <Link to={`/declarations/${encodeURIComponent(declaration.id)}`}>
              {declaration.dossierName} — exercice {exercisePeriod(declaration.exercise)}
            </Link>{' '}
            <span className={`tag tag-${declarationStatusTone(declaration.status)}`}>
              {declarationStatusText(declaration.status)}
            </span>{' '}
            {anomalyCountText(declaration.errorCount, declaration.warningCount)}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
