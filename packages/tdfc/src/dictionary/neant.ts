// The "déposé néant" boxes: a liasse form left empty is still sent, with only this box ticked.

/**
 * Boxes known from real filings (edi-tdfc.md §2.8, Odoo's 2033 and 2069-RCI mappers). Boxes
 * whose label says "néant" are found in the labels files too (`neantCodeOf`), so a fuller labels
 * file extends this list without code changes.
 */
export const KNOWN_NEANT_BOXES: Readonly<Record<string, string>> = {
  '2033A': 'JD',
  '2033B': 'JB',
  '2033C': 'RQ',
  '2033D': 'PF',
  '2033E': 'DB',
  '2033F': 'GS',
  '2033G': 'GS',
  '2069RCI': 'AB',
};

interface NeantCandidate {
  code: string;
  segment: string;
  table?: string;
  label: string;
}

/** The néant box of a form: a ticked-box (CCI TBX) cell that is listed above or labelled néant. */
export function neantCodeOf(formId: string, cells: readonly NeantCandidate[]): string | undefined {
  const boxes = cells.filter((cell) => cell.segment === 'CCI' && cell.table === 'TBX');
  const known = KNOWN_NEANT_BOXES[formId];
  if (known && boxes.some((cell) => cell.code === known)) return known;
  return boxes.find((cell) => /\bn[ée]ant\b/i.test(cell.label))?.code;
}
