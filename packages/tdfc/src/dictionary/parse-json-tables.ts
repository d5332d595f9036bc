// Parsers of the two JSON inputs of the dictionary: the value tables (`tables.json`) and the
// labels files (`labels/*.json`, dictionary records of the DGFiP "Dictionnaire TDFC").
import { DictionaryFormatError } from './dictionary-format-error';
import type { ValueTable } from './types';

/** A cell label keyed by millésime, then by `form|code|segment`. */
export type LabelIndex = Map<string, Map<string, string>>;

/** Key of a cell in a `LabelIndex`. */
export const labelKey = (form: string, code: string, segment: string): string =>
  `${form}|${code}|${segment}`;

function stringField(record: unknown, key: string, file: string, index: number): string {
  const value =
    typeof record === 'object' && record !== null
      ? (record as Record<string, unknown>)[key]
      : undefined;
  if (typeof value !== 'string') {
    throw new DictionaryFormatError(file, index + 1, `champ « ${key} » absent ou non textuel`);
  }
  return value;
}

function records(json: unknown, file: string): unknown[] {
  if (!Array.isArray(json)) throw new DictionaryFormatError(file, 1, 'un tableau est attendu');
  return json;
}

/** `[{table, value, label}]` → tables by name, values in file order. */
export function parseValueTables(json: unknown, file = 'tables.json'): Map<string, ValueTable> {
  const values = new Map<string, Map<string, string>>();
  records(json, file).forEach((record, index) => {
    const name = stringField(record, 'table', file, index);
    const table = values.get(name) ?? new Map<string, string>();
    table.set(stringField(record, 'value', file, index), stringField(record, 'label', file, index));
    values.set(name, table);
  });
  return new Map([...values].map(([name, table]) => [name, { name, values: table }]));
}

/** Display form of a source label: runs of spaces and line breaks collapsed (typos kept). */
export const cleanLabel = (label: string): string => label.replace(/\s+/g, ' ').trim();

/**
 * Adds the labels of one dictionary file to the index; a later file overrides an earlier one
 * for the same cell. Records flagged `SUPPRESSION` are skipped: their cell left the table.
 */
export function addLabels(index: LabelIndex, json: unknown, file: string): void {
  records(json, file).forEach((record, i) => {
    const change =
      typeof record === 'object' && record !== null
        ? (record as Record<string, unknown>).change
        : undefined;
    if (change === 'SUPPRESSION') return;
    const millesime = stringField(record, 'millesime', file, i);
    const label = cleanLabel(stringField(record, 'label', file, i));
    if (label === '') return;
    const key = labelKey(
      stringField(record, 'form', file, i),
      stringField(record, 'code', file, i),
      stringField(record, 'segment', file, i),
    );
    const labels = index.get(millesime) ?? new Map<string, string>();
    labels.set(key, label);
    index.set(millesime, labels);
  });
}
