// The top-level facts of the integrators' JSON (SIREN, exercise, taxation, régime…), from which
// the import builds F-IDENTIF and picks the millésime.
import type { Taxation } from './dictionary/types';
import type { IdentificationFacts } from './identification';
import { importIsoDate, importNad, ValueImportError } from './json-import-values';
import type { Exercise } from './model';

/** Records a problem at a path; returns undefined so that callers can `return report(…)`. */
export type Report = (path: string, message: string) => undefined;

type Json = Record<string, unknown>;
/** True for a JSON object (not an array, not null). */
export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Converts, reporting a `ValueImportError` at `path` instead of throwing it. */
export function attempt<T>(path: string, report: Report, convert: () => T): T | undefined {
  try {
    return convert();
  } catch (error) {
    if (error instanceof ValueImportError) return report(path, error.message);
    throw error;
  }
}

/** The facts, or undefined when SIREN or exercise are unusable (problems reported). */
export function importFacts(input: Json, report: Report): IdentificationFacts | undefined {
  const text = (key: string): string | undefined => {
    const value = input[key];
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : report(key, 'texte attendu.');
  };
  const siren = text('siren');
  if (input.siren === undefined) report('siren', 'SIREN obligatoire (9 chiffres, en texte).');
  const exercise = importExercise(input.exercise, report);
  const taxation = text('taxation');
  if (taxation !== undefined && taxation !== 'IS' && taxation !== 'IR') {
    report('taxation', '« IS » ou « IR » attendu.');
  }
  const address =
    input.address === undefined || input.address === null
      ? undefined
      : attempt('address', report, () => importNad(input.address));
  if (address && (address.id !== undefined || address.name !== undefined)) {
    report('address', 'le SIREN et le nom se donnent dans « siren » et « name ».');
  }
  if (input.provisional !== undefined && typeof input.provisional !== 'boolean') {
    report('provisional', 'true ou false attendu.');
  }
  const optional = {
    name: text('name'),
    category: text('category'),
    regime: text('regime'),
    rof: text('rof'),
    taxation: taxation === 'IS' || taxation === 'IR' ? (taxation as Taxation) : undefined,
    address,
  };
  if (siren === undefined || exercise === undefined) return undefined;
  const facts: IdentificationFacts = { siren, exercise, provisional: input.provisional === true };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(facts, { [key]: value });
  }
  return facts;
}

/** `{start, end}`, a year (`2024` = calendar year) or an ISO interval `start/end`. */
function importExercise(raw: unknown, report: Report): Exercise | undefined {
  if (raw === undefined) {
    return report(
      'exercise',
      'exercice obligatoire : {"start": "AAAA-MM-JJ", "end": "AAAA-MM-JJ"}.',
    );
  }
  if (typeof raw === 'number' || (typeof raw === 'string' && /^\d{4}$/.test(raw))) {
    return { start: `${raw}-01-01`, end: `${raw}-12-31` };
  }
  const interval = typeof raw === 'string' ? raw.split('/') : [];
  const parts = isObject(raw)
    ? { start: raw.start, end: raw.end }
    : interval.length === 2
      ? { start: interval[0], end: interval[1] }
      : undefined;
  if (!parts) {
    return report(
      'exercise',
      'objet {start, end}, année (2024) ou période « AAAA-MM-JJ/AAAA-MM-JJ » attendus.',
    );
  }
  const start = attempt('exercise.start', report, () => importIsoDate(parts.start));
  const end = attempt('exercise.end', report, () => importIsoDate(parts.end));
  return start && end ? { start, end } : undefined;
}
