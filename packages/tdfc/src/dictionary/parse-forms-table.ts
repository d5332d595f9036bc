// Parser of the forms structure table (`tdfcAAf.edi`), fixed width, columns as in
// data/2025/README.md. Strict: an unexpected character throws rather than being skipped.
import { DictionaryFormatError } from './dictionary-format-error';
import { columnFromTableCode } from './regime';
import type { FormDefinition } from './types';

/** One line of the forms table: a form before its cells and its "néant" box are attached. */
export type FormsTableRow = Omit<FormDefinition, 'neantCode' | 'cellCodes'>;

const FILE = 'tdfcAAf.edi';
/** Columns 18–44 (0-based 17–43): document codes, 3 letters each. */
const DOC_START = 17;
const DOC_END = 44;
/** Columns 45–68 hold IS regime codes; 69 onwards the other categories; 4 characters each. */
const IS_END = 68;

/** Parses the whole forms table (LF lines, trailing spaces significant only as blanks). */
export function parseFormsTable(text: string, file = FILE): FormsTableRow[] {
  return text
    .split('\n')
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, number }) => parseFormsLine(line, number, file));
}

function parseFormsLine(line: string, number: number, file: string): FormsTableRow {
  const fail = (reason: string, column: number): never => {
    throw new DictionaryFormatError(file, number, reason, column);
  };
  const at = (column: number): string => line[column - 1] ?? ' ';
  const id = line.slice(0, 10).trimEnd();
  const millesime = line.slice(10, 12);
  if (!/^[0-9A-Z-]+$/.test(id)) fail(`identifiant de formulaire illisible « ${id} »`, 1);
  if (!/^\d{2}$/.test(millesime)) fail(`millésime illisible « ${millesime} »`, 11);
  const flag = (column: number, letter: string): boolean => {
    const value = at(column);
    if (value !== ' ' && value !== letter)
      fail(`colonne ${column} : « ${value} » inattendu`, column);
    return value === letter;
  };
  const flowCode = at(16);
  if (!/^[ A-Z]$/.test(flowCode)) fail(`colonne 16 : « ${flowCode} » inattendu`, 16);
  if (at(17) !== ' ') fail('colonne 17 non vide', 17);
  return {
    id,
    millesime,
    repeatable: flag(13, 'X'),
    mainReturn: flag(14, 'R'),
    signedAmounts: flag(15, 'S'),
    ...(flowCode === ' ' ? {} : { flowCode }),
    docCodes: parseDocCodes(line.slice(DOC_START, DOC_END), fail),
    allowedIn: parseRegimeColumns(line, fail),
  };
}

function parseDocCodes(zone: string, fail: (reason: string, column: number) => never): string[] {
  const codes: string[] = [];
  const used = zone.trimEnd();
  for (let i = 0; i < used.length; i += 3) {
    const code = used.slice(i, i + 3);
    if (!/^[A-Z]{3}$/.test(code)) fail(`code document illisible « ${code} »`, DOC_START + i + 1);
    codes.push(code);
  }
  return codes;
}

function parseRegimeColumns(
  line: string,
  fail: (reason: string, column: number) => never,
): Set<string> {
  const columns = new Set<string>();
  for (let i = DOC_END; i < line.length; i += 4) {
    const code = line.slice(i, i + 4);
    if (code.trim() === '') continue; // a blank group: the line skips a block of columns
    const column = columnFromTableCode(code);
    if (!column) fail(`code régime illisible « ${code} »`, i + 1);
    else if (column.startsWith('IS-') !== i < IS_END) {
      fail(`code régime « ${code} » hors de son bloc`, i + 1);
    } else columns.add(column);
  }
  return columns;
}
