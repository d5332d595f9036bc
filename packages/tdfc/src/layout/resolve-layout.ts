// A form's layout for one millésime: its printed layout when known (forms/), every row's slots
// kept only for cells the millésime has, the labels derived from the dictionary; cells the
// printed layout does not place end in a last section so none is lost; other forms get a plain
// table of their cells in the form's order.
import type { CellDefinition, TdfcDictionary } from '../dictionary/types';
import { PAPER_FORMS } from './forms';
import { lineTotals } from './line-totals';
import type { FormLayout, LayoutRow, LayoutSection, PaperRowSpec } from './types';

/** Heading of the section holding the cells that the printed layout does not place. */
export const OTHER_CELLS_TITLE = 'Autres cases du formulaire';

/** The layout of `formId` in `millesime`. */
export function formLayout(
  dictionary: TdfcDictionary,
  millesime: string,
  formId: string,
): FormLayout {
  const cells = dictionary.cells(millesime, formId);
  const byCode = new Map(cells.map((cell) => [cell.code, cell]));
  const totals = lineTotals(formId).filter((total) => byCode.has(total.total));
  const totalCodes = new Set(totals.map((total) => total.total));
  const spec = PAPER_FORMS.get(formId);
  if (spec === undefined) {
    return {
      kind: 'table',
      sections: [{ title: '', columns: [], rows: cells.map((cell) => tableRow(cell, totalCodes)) }],
      totals,
    };
  }
  const placed = new Set<string>();
  const sections: LayoutSection[] = [];
  for (const section of spec.sections) {
    const rows = section.rows.flatMap((row) => {
      const resolved = resolveRow(row, section.columns.length, byCode, totalCodes);
      if (resolved === undefined) return [];
      for (const code of resolved.cells) if (code !== null) placed.add(code);
      return [resolved];
    });
    if (rows.length > 0)
      sections.push({ title: section.title, columns: [...section.columns], rows });
  }
  const rest = cells.filter((cell) => !placed.has(cell.code));
  if (rest.length > 0) {
    sections.push({
      title: OTHER_CELLS_TITLE,
      columns: [],
      rows: rest.map((cell) => tableRow(cell, totalCodes)),
    });
  }
  return { kind: 'paper', sections, totals };
}

function tableRow(cell: CellDefinition, totalCodes: ReadonlySet<string>): LayoutRow {
  return { label: cell.label, cells: [cell.code], total: totalCodes.has(cell.code) };
}

function resolveRow(
  row: PaperRowSpec,
  width: number,
  byCode: ReadonlyMap<string, CellDefinition>,
  totalCodes: ReadonlySet<string>,
): LayoutRow | undefined {
  // Short rows are padded: the printed form has no box in the last columns.
  const cells = Array.from({ length: Math.max(1, width, row.cells.length) }, (_, index) => {
    const code = row.cells[index] ?? null;
    return code !== null && byCode.has(code) ? code : null;
  });
  const present = cells.flatMap((code) => {
    const cell = code === null ? undefined : byCode.get(code);
    return cell === undefined ? [] : [cell];
  });
  if (present.length === 0) return undefined;
  const label = row.label ?? rowLabel(present.map((cell) => cell.label));
  // A total line: named so, or every box of it computed (2033-B résultat d'exploitation).
  const total =
    /^total\b/i.test(label.trim()) || present.every((cell) => totalCodes.has(cell.code));
  return { label, cells, total };
}

/**
 * The label of a row from its cells' labels: their common start, cut at a word and without the
 * trailing separator ("Stocks de marchandises, brut" + "…, net N" → "Stocks de marchandises").
 */
export function rowLabel(labels: readonly string[]): string {
  const [first = '', ...others] = labels;
  if (others.length === 0) return first;
  let length = first.length;
  for (const other of others) {
    let index = 0;
    while (index < length && index < other.length && first[index] === other[index]) index++;
    length = index;
  }
  const common = first.slice(0, length);
  // Cut back to a whole word unless every label goes on with a separator right after it.
  const atWordEnd = labels.every((label) => !/[\p{L}\p{N}]/u.test(label.charAt(length)));
  const cut = atWordEnd ? common : common.replace(/[\p{L}\p{N}'’]*$/u, '');
  const trimmed = cut.replace(/[\s,:;–-]+$/, '');
  return trimmed === '' ? first : trimmed;
}
