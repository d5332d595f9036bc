// The flat view of a declaration that an INFENT-DF writer iterates: one item per value, with
// everything its segment needs, in a stable order (table order, not JSON key order).
import type { CellDefinition, TdfcDictionary } from './dictionary/types';
import { IDENTIFICATION_FORM, entryValues, type CellValue, type Declaration } from './model';

/** One value of one cell of one form occurrence, with its dictionary entry. */
export interface DeclaredValue {
  formId: string;
  /** 0-based occurrence of the form. */
  formOccurrence: number;
  code: string;
  /** 0-based row of a repeatable cell (0 for a single value). */
  valueIndex: number;
  value: CellValue;
  cell: CellDefinition;
  segment: CellDefinition['segment'];
  qualifier?: string;
  table?: string;
  dateFormat?: CellDefinition['dateFormat'];
}

/**
 * Every value of the declaration: F-IDENTIF first, then forms and cells in the order of the
 * campaign tables, rows in order; `null` rows are skipped. Forms and codes unknown to the
 * dictionary are skipped too: run `validateDeclaration` first, it reports them.
 */
export function* cellsOf(
  dictionary: TdfcDictionary,
  declaration: Declaration,
): Generator<DeclaredValue> {
  const forms = dictionary
    .forms(declaration.millesime)
    .filter((form) => declaration.forms[form.id] !== undefined)
    .sort((a, b) => Number(b.id === IDENTIFICATION_FORM) - Number(a.id === IDENTIFICATION_FORM));
  for (const form of forms) {
    const occurrences = declaration.forms[form.id] ?? [];
    for (const [formOccurrence, cells] of occurrences.entries()) {
      for (const cell of dictionary.cells(declaration.millesime, form.id)) {
        const entry = cells[cell.code];
        if (entry === undefined) continue;
        for (const [valueIndex, value] of entryValues(entry).entries()) {
          if (value === null) continue;
          yield {
            formId: form.id,
            formOccurrence,
            code: cell.code,
            valueIndex,
            value,
            cell,
            segment: cell.segment,
            ...(cell.qualifier ? { qualifier: cell.qualifier } : {}),
            ...(cell.table ? { table: cell.table } : {}),
            ...(cell.dateFormat ? { dateFormat: cell.dateFormat } : {}),
          };
        }
      }
    }
  }
}
