// `/declarations/import` (every signed-in user): "Importer des déclarations" from an EDI-TDFC
// INFENT file produced by another software (sent as is), or from a JSON file in the documented
// integrator format; the created declarations are listed with a link each.
import { useState } from 'react';
import type { DeclarationSummary } from '@passerelle/contracts';
import { importInterchange, importJson } from '../../api/endpoints';
import { Notice } from '../../shared/alerts';
import { Page } from '../../shared/page';
import { FileUploadCard, type FileUploadCardProps } from '../../shared/file-upload-card';
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
        onSent={setCreated}
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
        onSent={setCreated}
      />
      {created !== null && <ImportResult declarations={created} />}
    </Page>
  );
}

/** A refusal found before sending anything (shown as is). */
class LocalError extends Error {}

/** One import: its file input, its button, its French refusal. */
function ImportForm(
  props: Omit<FileUploadCardProps<DeclarationSummary[]>, 'busyButton' | 'noFileMessage'>,
) {
  return (
    <FileUploadCard
      {...props}
      busyButton="Import en cours…"
      noFileMessage={noFileMessage}
      refusalText={(caught) => (caught instanceof LocalError ? caught.message : errorText(caught))}
    />
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
