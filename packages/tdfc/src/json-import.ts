// Import of the integrators' JSON format (packages/tdfc/README.md) into a Declaration: all or
// nothing, every problem listed with its path and a French reason. Business rules (tables, SIREN
// key, totals…) are left to validateDeclaration, to be run on the result.
import { formDisplayName } from './dictionary/form-name';
import type { TdfcDictionary } from './dictionary/types';
import { millesimeOfExercise } from './exercise';
import { identificationCells } from './identification';
import { attempt, importFacts, isObject, type Report } from './json-import-facts';
import { importEntry } from './json-import-values';
import { IDENTIFICATION_FORM, type Declaration, type FormOccurrence } from './model';

/** One problem of the input: where (`forms.2033A.FG`) and why. */
export interface ImportError {
  path: string;
  message: string;
}

/** A declaration, or every problem found (never both: no partial result). */
export type ImportResult =
  { ok: true; declaration: Declaration } | { ok: false; errors: ImportError[] };

/** Top-level properties of the format. */
const ROOT_KEYS = [
  'millesime',
  'siren',
  'name',
  'address',
  'exercise',
  'taxation',
  'category',
  'regime',
  'rof',
  'provisional',
  'forms',
];

/** Parses JSON text, then imports it. */
export function importDeclarationJson(dictionary: TdfcDictionary, text: string): ImportResult {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (cause) {
    const message = `JSON illisible (${cause instanceof Error ? cause.message : String(cause)}).`;
    return { ok: false, errors: [{ path: '', message }] };
  }
  return importDeclaration(dictionary, input);
}

/** Imports the integrators' format; a declaration only when there is no error at all. */
export function importDeclaration(dictionary: TdfcDictionary, input: unknown): ImportResult {
  if (!isObject(input)) {
    return { ok: false, errors: [{ path: '', message: 'objet JSON attendu.' }] };
  }
  const errors: ImportError[] = [];
  const report: Report = (path, message) => {
    errors.push({ path, message });
    return undefined;
  };
  for (const key of Object.keys(input).filter((key) => !ROOT_KEYS.includes(key))) {
    report(key, `propriété inconnue (admises : ${ROOT_KEYS.join(', ')}).`);
  }
  const facts = importFacts(input, report);
  let millesime: string | undefined;
  if (input.millesime !== undefined) {
    if (typeof input.millesime === 'string') millesime = input.millesime;
    else report('millesime', 'texte de deux chiffres attendu (« 25 »).');
  } else if (facts) millesime = millesimeOfExercise(facts.exercise.end);
  if (millesime !== undefined && !dictionary.millesimes.includes(millesime)) {
    const path = input.millesime === undefined ? 'exercise.end' : 'millesime';
    const known = dictionary.millesimes.join(', ');
    report(path, `millésime ${millesime} hors de la campagne ${dictionary.campaign} (${known}).`);
    millesime = undefined;
  }
  if (!isObject(input.forms)) {
    report('forms', 'objet attendu : { "<formulaire>": { "<code>": valeur } }.');
  }
  const forms =
    millesime && isObject(input.forms)
      ? importForms(dictionary, millesime, input.forms, report)
      : undefined;
  if (errors.length > 0 || !facts || !millesime || !forms) return { ok: false, errors };
  // F-IDENTIF is built from the facts; cells given in forms["F-IDENTIF"] take precedence.
  const [given, ...more] = forms[IDENTIFICATION_FORM] ?? [];
  forms[IDENTIFICATION_FORM] = [{ ...identificationCells(facts), ...given }, ...more];
  const { siren, exercise } = facts;
  return { ok: true, declaration: { millesime, siren, exercise, forms } };
}

function importForms(
  dictionary: TdfcDictionary,
  millesime: string,
  raw: Record<string, unknown>,
  report: Report,
): Declaration['forms'] {
  const forms: Declaration['forms'] = {};
  for (const [formId, given] of Object.entries(raw)) {
    const path = `forms.${formId}`;
    if (!dictionary.form(millesime, formId)) {
      report(path, `formulaire inconnu pour le millésime ${millesime}.`);
      continue;
    }
    const list = Array.isArray(given) ? given : [given];
    if (list.length === 0) report(path, 'liste vide : omettre le formulaire.');
    forms[formId] = list.map((occurrence, index) => {
      const at = Array.isArray(given) ? `${path}[${index}]` : path;
      if (!isObject(occurrence)) return report(at, 'objet { "<code>": valeur } attendu.') ?? {};
      const cells: FormOccurrence = {};
      for (const [code, value] of Object.entries(occurrence)) {
        const cell = dictionary.cell(millesime, formId, code);
        if (!cell) {
          const name = formDisplayName(formId);
          report(
            `${at}.${code}`,
            `code inconnu sur le formulaire ${name} (millésime ${millesime}).`,
          );
          continue;
        }
        const entry = attempt(`${at}.${code}`, report, () => importEntry(cell, value));
        if (entry !== undefined) cells[code] = entry;
      }
      return cells;
    });
  }
  return forms;
}
