// Conversion of one cell of the integrators' JSON into a model value, by the cell's segment.
// Only the JSON shape is checked here; tables, signs, SIREN keys… are the validator's job.
import type { CellDefinition } from './dictionary/types';
import { isIsoDate } from './exercise';
import { NAD_KEYS } from './infent/nad-segment';
import type { CellEntry, CellValue, NadValue } from './model';

/** A conversion failure, in French, without the path (the caller adds it). */
export class ValueImportError extends Error {}

/** Every key of a NadValue: those written in NAD, and the phone (written in COM). */
const NAD_VALUE_KEYS: readonly (keyof NadValue)[] = [...NAD_KEYS, 'phone'];

function quote(value: unknown): string {
  if (typeof value === 'string') return `« ${value} » (texte)`;
  if (Array.isArray(value)) return 'une liste';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'un objet' : `${String(value)} (${typeof value})`;
}

const fail = (expected: string, value: unknown): never => {
  throw new ValueImportError(`${expected}, valeur reçue : ${quote(value)}.`);
};

/**
 * The entry of a cell: one value, or for a repeatable cell a value or a list (null = empty row).
 * Returns undefined for what means "not filled": null, and `false` on a ticked-box (TBX) cell.
 */
export function importEntry(cell: CellDefinition, raw: unknown): CellEntry | undefined {
  if (raw === null) return undefined;
  if (Array.isArray(raw)) {
    if (!cell.repeatable) {
      throw new ValueImportError("liste reçue alors que la case n'admet qu'une valeur.");
    }
    return raw.map((item, index) => {
      if (item === null) return null;
      try {
        return importValue(cell, item) ?? null;
      } catch (error) {
        if (error instanceof ValueImportError) {
          throw new ValueImportError(`ligne ${index + 1} : ${error.message}`);
        }
        throw error;
      }
    });
  }
  return importValue(cell, raw);
}

function importValue(cell: CellDefinition, raw: unknown): CellValue | undefined {
  switch (cell.segment) {
    case 'MOA':
    case 'QTY':
    case 'PCD':
      return typeof raw === 'number' ? raw : fail('nombre attendu (sans guillemets)', raw);
    case 'CCI':
      if (typeof raw === 'boolean' && cell.table === 'TBX') return raw ? 'X' : undefined;
      return typeof raw === 'string' ? raw : fail(`code de la table ${cell.table} attendu`, raw);
    case 'DTM':
      return importDate(cell, raw);
    case 'NAD':
      return importNad(raw);
    default:
      return typeof raw === 'string' ? raw : fail('texte attendu', raw);
  }
}

function importDate(cell: CellDefinition, raw: unknown): CellValue {
  switch (cell.dateFormat) {
    case '602':
      if (typeof raw === 'string' && /^\d{4}$/.test(raw)) return Number(raw);
      return typeof raw === 'number' ? raw : fail('année attendue (2024)', raw);
    case '801':
    case '802':
      return typeof raw === 'number' ? raw : fail('nombre attendu', raw);
    case '718':
      if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
        const { start, end } = raw as Record<string, unknown>;
        if (typeof start === 'string' && typeof end === 'string') return `${start}/${end}`;
      }
      return typeof raw === 'string' ? raw : fail('période {start, end} attendue', raw);
    default:
      return importIsoDate(raw);
  }
}

/** `2024-12-31` as is, `20241231` (EDIFACT 102) converted. */
export function importIsoDate(raw: unknown): string {
  if (typeof raw === 'string' && /^\d{8}$/.test(raw)) {
    const iso = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
    if (isIsoDate(iso)) return iso;
  }
  if (typeof raw === 'string' && isIsoDate(raw)) return raw;
  return fail('date AAAA-MM-JJ existante attendue', raw);
}

/** A NAD object: known components only, each a string (null components dropped). */
export function importNad(raw: unknown): NadValue {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('nom et adresse attendus (objet {id, name, street, city, postcode…})', raw);
  }
  const nad: NadValue = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(NAD_VALUE_KEYS as readonly string[]).includes(key)) {
      throw new ValueImportError(
        `composant d'adresse inconnu « ${key} » (admis : ${NAD_VALUE_KEYS.join(', ')}).`,
      );
    }
    if (value === null) continue;
    if (typeof value !== 'string') fail(`composant « ${key} » : texte attendu`, value);
    nad[key as keyof NadValue] = value as string;
  }
  return nad;
}
