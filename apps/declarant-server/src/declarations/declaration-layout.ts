import type { DeclarationTable, EditorLayout } from '@passerelle/contracts';
import { unlabelledCellText } from './cell-kind';
import {
  IDENTIFICATION_FORM,
  cellsOf,
  formDisplayName,
  formLayout,
  isNadValue,
  type CellValue,
  type Declaration,
  type TdfcDictionary,
} from '@passerelle/tdfc';

/**
 * The forms of the declaration, F-IDENTIF first, each with its cells, labels (or, for a cell the
 * labels do not cover, the kind of value it expects) and allowed values, and its layout (as
 * printed for 2065 and 2033-A…G, else a table of its cells).
 */
export function editorLayout(dictionary: TdfcDictionary, declaration: Declaration): EditorLayout {
  const ids = Object.keys(declaration.forms).sort(
    (a, b) => Number(b === IDENTIFICATION_FORM) - Number(a === IDENTIFICATION_FORM),
  );
  return {
    forms: ids.map((id) => ({
      id,
      label: formDisplayName(id),
      cells: dictionary.cells(declaration.millesime, id).map((cell) => {
        const table = cell.table ? dictionary.table(cell.table) : undefined;
        return {
          code: cell.code,
          // A cell the labels do not cover yet says what it expects.
          label: cell.label === cell.code ? unlabelledCellText(cell) : cell.label,
          segment: cell.segment,
          repeatable: cell.repeatable,
          signed: cell.signed,
          values: table
            ? [...table.values].map(([value, label]) => ({ value, label: label || value }))
            : null,
          dateFormat: cell.dateFormat ?? null,
        };
      }),
      layout: formLayout(dictionary, declaration.millesime, id),
    })),
  };
}

const euros = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** A value as a person reads it: amounts grouped, dates in French, a party as one line. */
export function displayValue(value: CellValue, segment: string): string {
  if (typeof value === 'number')
    return segment === 'MOA' ? `${euros.format(value)} €` : euros.format(value);
  if (isNadValue(value)) {
    return [value.id, value.name, value.street, value.complement, value.postcode, value.city]
      .filter((part) => part !== undefined && part !== '')
      .join(', ');
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return date ? `${date[3]}/${date[2]}/${date[1]}` : value;
}

/** The readable table of a declaration: one row per value, in the order of the interchange. */
export function declarationTable(
  dictionary: TdfcDictionary,
  declaration: Declaration,
): DeclarationTable {
  return {
    rows: [...cellsOf(dictionary, declaration)].map((item) => ({
      form: formDisplayName(item.formId),
      formOccurrence: item.formOccurrence + 1,
      code: item.code,
      label: item.cell.label,
      value: displayValue(item.value, item.segment),
    })),
  };
}
