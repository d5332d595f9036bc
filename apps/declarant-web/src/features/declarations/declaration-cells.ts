// The liasse editor's cells (pure, tested): which input each cell gets, how what the user types
// becomes a stored value (amounts in whole euros…), how a stored value is shown, and the ids
// that anomalies link to.
import type { CellValue } from '@passerelle/contracts';

/** One cell of the editor layout (`GET /api/declarations/:id/editor`). */
export interface EditorCell {
  code: string;
  label: string;
  segment: string;
  repeatable: boolean;
  signed: boolean;
  values: readonly { value: string; label: string }[] | null;
  dateFormat: string | null;
}

/** Where a value goes: a form occurrence's cell, and the row of a repeatable cell. */
export interface CellPlace {
  form: string;
  occurrence: number;
  cell: EditorCell;
  kind: CellInputKind;
  /** The row of a repeatable cell (0-based); undefined for a single-value cell. */
  row?: number;
}

/** What the editor stores for a cell: one value, or one per row of a repeatable cell. */
export type CellEntry = CellValue | (CellValue | null)[];

/**
 * The input a cell gets: `amount` (MOA, whole euros), `checkbox` (a TBX "X" box such as néant),
 * `select` (other coded values), `date` (DTM 102), `integer` (DTM 602/801/802: a year, a count),
 * `decimal` (QTY, PCD), `text` (FTX), `readonly` (NAD, RFF, CUX…: shown, not edited here).
 */
export type CellInputKind =
  'amount' | 'checkbox' | 'select' | 'date' | 'integer' | 'decimal' | 'text' | 'readonly';

/** The kind of input of `cell`, from its EDIFACT segment, value table and date format. */
export function cellInputKind(
  cell: Pick<EditorCell, 'segment' | 'values' | 'dateFormat'>,
): CellInputKind {
  switch (cell.segment) {
    case 'MOA':
      return 'amount';
    case 'CCI':
      if (cell.values === null || cell.values.length === 0) return 'readonly';
      return cell.values.length === 1 && cell.values[0]?.value === 'X' ? 'checkbox' : 'select';
    case 'DTM':
      if (cell.dateFormat === '102') return 'date';
      if (cell.dateFormat === '602' || cell.dateFormat === '801' || cell.dateFormat === '802')
        return 'integer';
      return 'readonly';
    case 'QTY':
    case 'PCD':
      return 'decimal';
    case 'FTX':
      return 'text';
    default:
      return 'readonly';
  }
}

/** What the user typed, read: the value to store (`null` empties the cell) or why it is refused. */
export type ParsedInput = { ok: true; value: CellValue | null } | { ok: false; message: string };

/** Every space a French number may be grouped with (space, no-break, narrow no-break). */
const SPACES = /[\s\u00a0\u202f]+/g;
/** Whole euros stay exact in a double far beyond any real amount: 15 digits at most. */
const MAX_DIGITS = 15;

export const amountMessages = {
  notWhole: 'Montant en euros entiers.',
  notNumber: 'Saisissez un montant en chiffres, en euros entiers (par exemple 1 200).',
  negative: 'Montant négatif non admis pour cette case : saisissez-le sans le signe « - ».',
  tooLarge: 'Montant trop grand.',
} as const;

/**
 * An amount in whole euros as a French user types it: "1 200", "1200", "-350" (signed cells
 * only); "12,5" and "12.50" are refused ("Montant en euros entiers."); empty empties the cell.
 */
export function parseAmount(text: string, signed = true): ParsedInput {
  const compact = text.replace(SPACES, '').replace(/^\u2212/, '-');
  if (compact === '') return { ok: true, value: null };
  const match = /^([+-]?)(\d+)$/.exec(compact);
  if (match === null) {
    return {
      ok: false,
      message: /^[+-]?\d*[.,]\d*$/.test(compact)
        ? amountMessages.notWhole
        : amountMessages.notNumber,
    };
  }
  const digits = (match[2] ?? '').replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_DIGITS) return { ok: false, message: amountMessages.tooLarge };
  const value = Number(digits);
  if (match[1] === '-' && value !== 0) {
    return signed ? { ok: true, value: -value } : { ok: false, message: amountMessages.negative };
  }
  return { ok: true, value };
}

/** "1 200" from 1200, "-35 000" from -35000 (plain spaces, so the input is easy to edit). */
export function formatAmount(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** A count or a year (DTM 602, 801, 802): digits only. */
export function parseInteger(text: string): ParsedInput {
  const compact = text.replace(SPACES, '');
  if (compact === '') return { ok: true, value: null };
  if (!/^\d{1,9}$/.test(compact)) return { ok: false, message: 'Saisissez un nombre entier.' };
  return { ok: true, value: Number(compact) };
}

/** A quantity or a percentage (QTY, PCD): "12,5" or "12.5", never negative. */
export function parseDecimal(text: string): ParsedInput {
  const compact = text.replace(SPACES, '').replace(',', '.');
  if (compact === '') return { ok: true, value: null };
  if (!/^\d{1,12}(\.\d{1,6})?$/.test(compact)) {
    return { ok: false, message: 'Saisissez un nombre positif (décimales après une virgule).' };
  }
  return { ok: true, value: Number(compact) };
}

/** "12,5" from 12.5. */
export function formatDecimal(value: number): string {
  return String(value).replace('.', ',');
}

/** What an input of `kind` holds, read as the value to store. */
export function parseCellInput(kind: CellInputKind, text: string, signed: boolean): ParsedInput {
  switch (kind) {
    case 'amount':
      return parseAmount(text, signed);
    case 'integer':
      return parseInteger(text);
    case 'decimal':
      return parseDecimal(text);
    case 'date':
      if (text === '') return { ok: true, value: null };
      return /^\d{4}-\d{2}-\d{2}$/.test(text)
        ? { ok: true, value: text }
        : { ok: false, message: 'Date invalide.' };
    case 'text': {
      const normalized = text.replace(/\r\n?/g, '\n');
      return { ok: true, value: normalized.trim() === '' ? null : normalized };
    }
    default:
      return { ok: true, value: text === '' ? null : text };
  }
}

/**
 * The text an input of `kind` shows for a stored value ('' when empty); a read-only coded value
 * with its label ("IS — Impôt sur les sociétés").
 */
export function cellInputText(
  kind: CellInputKind,
  value: CellValue | null | undefined,
  cell?: Pick<EditorCell, 'values'>,
): string {
  if (value === null || value === undefined) return '';
  if (kind === 'readonly') {
    const coded = cell?.values?.find((option) => option.value === value);
    return coded === undefined || coded.label === '' || coded.label === coded.value
      ? displayCellValue(value)
      : `${coded.value} — ${coded.label}`;
  }
  if (typeof value === 'number') {
    if (kind === 'amount') return formatAmount(value);
    if (kind === 'decimal') return formatDecimal(value);
    return String(value);
  }
  return typeof value === 'string' ? value : displayCellValue(value);
}

const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6 });

/** A stored value as read (read-only cells): numbers grouped, ISO dates in French, parties on one line. */
export function displayCellValue(value: CellValue): string {
  if (typeof value === 'number') return numberFormat.format(value);
  if (typeof value === 'object') {
    const order = ['id', 'name', 'name2', 'name3', 'street', 'complement', 'locality'];
    const parts = order.map((key) => value[key]);
    const city = [value.postcode, value.city].filter(Boolean).join(' ');
    return [...parts, city, value.country]
      .filter((part): part is string => part !== undefined && part !== '')
      .join(', ');
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return date === null ? value : `${date[3]}/${date[2]}/${date[1]}`;
}

/** The rows of an entry (a single value is one row); none for an empty cell. */
export function entryRows(entry: CellEntry | null | undefined): (CellValue | null)[] {
  if (entry === null || entry === undefined) return [];
  return Array.isArray(entry) ? entry : [entry];
}

/**
 * The entry of a repeatable cell once its row `row` holds `value`: rows padded with `null` to
 * stay aligned, trailing empty rows dropped, `null` when no row is left.
 */
export function withRow(
  entry: CellEntry | null | undefined,
  row: number,
  value: CellValue | null,
): (CellValue | null)[] | null {
  const rows = entryRows(entry).slice();
  while (rows.length <= row) rows.push(null);
  rows[row] = value;
  while (rows.length > 0 && rows[rows.length - 1] === null) rows.pop();
  return rows.length === 0 ? null : rows;
}

/**
 * The id of a cell's input, which anomaly links point to: `cell-<form>-<code>` (first
 * occurrence, first row); `cell-<form>-<n>-<code>` for occurrence n ≥ 2; `-ligne-<r>` for row
 * r ≥ 2 of a repeatable cell.
 */
export function cellInputId(form: string, code: string, occurrence = 0, row = 0): string {
  const base = occurrence > 0 ? `cell-${form}-${occurrence + 1}-${code}` : `cell-${form}-${code}`;
  return row > 0 ? `${base}-ligne-${row + 1}` : base;
}

/** The accessible name of a cell's input: "FG — Résultat de l'exercice" (", ligne 2"). */
export function cellInputName(cell: Pick<EditorCell, 'code' | 'label'>, row?: number): string {
  const label = cell.label.trim() === '' || cell.label === cell.code ? '' : ` — ${cell.label}`;
  return `${cell.code}${label}${row === undefined ? '' : `, ligne ${row + 1}`}`;
}

/** Whether two stored entries are the same (numbers, strings, parties, rows). */
export function sameEntry(
  a: CellEntry | null | undefined,
  b: CellEntry | null | undefined,
): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
