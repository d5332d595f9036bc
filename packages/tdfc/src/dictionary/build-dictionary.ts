// Assembles a `TdfcDictionary` from the raw campaign sources (pure: no file access, so tests
// and other runtimes can feed it any text).
import { DictionaryFormatError } from './dictionary-format-error';
import { neantCodeOf } from './neant';
import { addLabels, labelKey, parseValueTables, type LabelIndex } from './parse-json-tables';
import { parseDataTable, type DataTableRow } from './parse-data-table';
import { parseFormsTable } from './parse-forms-table';
import { regimeColumn } from './regime';
import type { CellDefinition, FormDefinition, TdfcDictionary } from './types';

/** The raw inputs of one campaign, as read from `data/<campaign>/`. */
export interface DictionarySources {
  campaign: string;
  formsTable: string;
  dataTable: string;
  valueTables: unknown;
  labelFiles: readonly { name: string; json: unknown }[];
  /** File names in error messages (default `tdfcAAf.edi`, `tdfcAAd.edi`). */
  fileNames?: { forms: string; data: string };
}

const formKey = (millesime: string, formId: string): string => `${millesime}|${formId}`;

/** Parses and cross-checks the sources; throws `DictionaryFormatError` on any inconsistency. */
export function buildDictionary(sources: DictionarySources): TdfcDictionary {
  const labels: LabelIndex = new Map();
  for (const file of sources.labelFiles) addLabels(labels, file.json, file.name);
  const formsFile = sources.fileNames?.forms ?? 'tdfcAAf.edi';
  const dataFile = sources.fileNames?.data ?? 'tdfcAAd.edi';
  const tables = parseValueTables(sources.valueTables);
  const formRows = parseFormsTable(sources.formsTable, formsFile);
  const millesimes = [...new Set(formRows.map((row) => row.millesime))].sort().reverse();
  const labelOf = labelResolver(labels, millesimes);

  const cellsByForm = new Map<string, Map<string, CellDefinition>>();
  const firstRowOf = new Map<string, number>();
  parseDataTable(sources.dataTable, dataFile).forEach((row, index) => {
    const key = formKey(row.millesime, row.form);
    const cells = cellsByForm.get(key) ?? new Map<string, CellDefinition>();
    const earlier = cells.get(row.code);
    if (earlier) {
      // 2079CIOP 25 AX and AY appear twice, identical: a repeated line adds nothing.
      if (sameRow(earlier, row)) return;
      throw new DictionaryFormatError(dataFile, index + 1, `code ${row.code} contradictoire`, 13);
    }
    if (!firstRowOf.has(key)) firstRowOf.set(key, index + 1);
    cells.set(row.code, { ...row, label: labelOf(row) });
    cellsByForm.set(key, cells);
  });

  const forms = new Map<string, FormDefinition>();
  const formsByMillesime = new Map<string, FormDefinition[]>();
  formRows.forEach((row, index) => {
    const key = formKey(row.millesime, row.id);
    if (forms.has(key)) {
      throw new DictionaryFormatError(formsFile, index + 1, `formulaire ${row.id} en double`);
    }
    const cells = [...(cellsByForm.get(key)?.values() ?? [])];
    const neantCode = neantCodeOf(row.id, cells);
    const form: FormDefinition = {
      ...row,
      ...(neantCode ? { neantCode } : {}),
      cellCodes: cells.map((cell) => cell.code),
    };
    forms.set(key, form);
    formsByMillesime.set(row.millesime, [...(formsByMillesime.get(row.millesime) ?? []), form]);
  });
  const cellLists = new Map<string, readonly CellDefinition[]>();
  for (const [key, cells] of cellsByForm) {
    if (!forms.has(key)) {
      const [millesime, formId] = key.split('|');
      throw new DictionaryFormatError(
        dataFile,
        firstRowOf.get(key) ?? 1,
        `formulaire ${formId} (millésime ${millesime}) absent de ${formsFile}`,
      );
    }
    cellLists.set(key, [...cells.values()]);
  }

  return {
    campaign: sources.campaign,
    millesimes,
    form: (millesime, formId) => forms.get(formKey(millesime, formId)),
    forms: (millesime) => formsByMillesime.get(millesime) ?? [],
    cell: (millesime, formId, code) => cellsByForm.get(formKey(millesime, formId))?.get(code),
    cells: (millesime, formId) => cellLists.get(formKey(millesime, formId)) ?? [],
    table: (name) => tables.get(name),
    formsFor(millesime, taxation, category, regime, documentCode = 'IDF') {
      const column = regimeColumn(taxation, category, regime);
      return (formsByMillesime.get(millesime) ?? []).filter(
        (form) =>
          form.docCodes.includes(documentCode) &&
          (form.allowedIn.size === 0 || form.allowedIn.has(column)),
      );
    },
  };
}

const sameRow = (a: DataTableRow, b: DataTableRow): boolean =>
  JSON.stringify({ ...a, label: undefined }) === JSON.stringify({ ...b, label: undefined });

/**
 * Label of a cell: its own millésime's, else the nearest other millésime's for the same form,
 * code and segment (labels ship for the newest millésime only), else the code.
 */
function labelResolver(labels: LabelIndex, millesimes: readonly string[]) {
  const searchOrder = new Map(
    millesimes.map((own) => [
      own,
      [...millesimes].sort(
        (a, b) =>
          Math.abs(Number(a) - Number(own)) - Math.abs(Number(b) - Number(own)) ||
          Number(b) - Number(a),
      ),
    ]),
  );
  return (row: DataTableRow): string => {
    const key = labelKey(row.form, row.code, row.segment);
    for (const millesime of searchOrder.get(row.millesime) ?? [row.millesime]) {
      const label = labels.get(millesime)?.get(key);
      if (label) return label;
    }
    return row.code;
  };
}
