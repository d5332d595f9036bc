// Parser of the data structure table (`tdfcAAd.edi`), fixed width, columns as in
// data/2025/README.md. Strict: an unexpected character throws rather than being skipped.
import { DictionaryFormatError } from './dictionary-format-error';
import {
  DATE_FORMATS,
  SEGMENTS,
  type CellDefinition,
  type DateFormat,
  type Segment,
} from './types';

/** One line of the data table: a cell before its label is attached. */
export type DataTableRow = Omit<CellDefinition, 'label'>;

const FILE = 'tdfcAAd.edi';

const isSegment = (value: string): value is Segment =>
  (SEGMENTS as readonly string[]).includes(value);
const isDateFormat = (value: string): value is DateFormat =>
  (DATE_FORMATS as readonly string[]).includes(value);

/** Parses the whole data table (LF lines; short lines read as if padded with spaces). */
export function parseDataTable(text: string, file = FILE): DataTableRow[] {
  const rows: DataTableRow[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() !== '') rows.push(parseDataLine(line, index + 1, file));
  });
  return rows;
}

function parseDataLine(line: string, number: number, file: string): DataTableRow {
  const fail = (reason: string, column: number): never => {
    throw new DictionaryFormatError(file, number, reason, column);
  };
  const at = (column: number): string => line[column - 1] ?? ' ';
  const form = line.slice(0, 10).trimEnd();
  const millesime = line.slice(10, 12);
  const code = line.slice(12, 14);
  const segment = line.slice(14, 17);
  if (!/^[0-9A-Z-]+$/.test(form)) fail(`identifiant de formulaire illisible « ${form} »`, 1);
  if (!/^\d{2}$/.test(millesime)) fail(`millésime illisible « ${millesime} »`, 11);
  if (!/^[A-Z0-9]{2}$/.test(code)) fail(`code de donnée illisible « ${code} »`, 13);
  if (!isSegment(segment)) return fail(`segment inconnu « ${segment} »`, 15);
  // The repeatable X belongs in column 19; 2027C AF has it in column 18 (README): both count.
  const x18 = at(18);
  const x19 = at(19);
  if (!/^[ X]$/.test(x18) || !/^[ X]$/.test(x19))
    fail('colonnes 18–19 : seul X est attendu', x18 === ' ' || x18 === 'X' ? 19 : 18);
  const qualifier = line.slice(19, 21).trim();
  const reference = line.slice(21, 24).trim();
  const column25 = at(25);
  if (line.slice(25).trim() !== '') fail('données au-delà de la colonne 25', 26);
  const row: DataTableRow = {
    form,
    millesime,
    code,
    segment,
    repeatable: x18 === 'X' || x19 === 'X',
    signed: column25 === 'S',
  };
  if (qualifier !== '') row.qualifier = qualifier;
  if (segment === 'CCI') {
    if (!/^[A-Z0-9]{3}$/.test(reference)) fail(`table de valeurs illisible « ${reference} »`, 22);
    row.table = reference;
  } else if (segment === 'DTM') {
    if (!isDateFormat(reference)) return fail(`format de date inconnu « ${reference} »`, 22);
    row.dateFormat = reference;
  } else if (reference !== '') fail(`colonnes 22–24 remplies sur un segment ${segment}`, 22);
  if (column25 === 'S' && segment !== 'MOA') fail("signe S hors d'un segment MOA", 25);
  if (/^[0-9A-Z]$/.test(column25) && column25 !== 'S') row.marker = column25;
  else if (column25 !== ' ' && column25 !== 'S') fail(`colonne 25 : « ${column25} » inattendu`, 25);
  return row;
}
