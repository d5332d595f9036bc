// How a cell's value reads on the PDF: French numbers (no-break space between thousands, comma
// for decimals), dates dd/mm/yyyy, a party on one line, a coded value with its label.
import { isNadValue, type CellDefinition, type CellEntry, type CellValue } from '@passerelle/tdfc';

const NBSP = '\u00a0';
const numbers = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6 });

/** 1234567 → "1 234 567" with no-break spaces (the PDF's standard fonts have no narrow one). */
export function frenchNumber(value: number): string {
  return numbers.format(value).replace(/[\s\u202f]/g, NBSP);
}

/** One value as printed. */
export function pdfValue(
  value: CellValue,
  cell: Pick<CellDefinition, 'segment'>,
  label?: (code: string) => string | undefined,
): string {
  if (typeof value === 'number') {
    return cell.segment === 'PCD' ? `${frenchNumber(value)}${NBSP}%` : frenchNumber(value);
  }
  if (isNadValue(value)) {
    const city = [value.postcode, value.city].filter(Boolean).join(' ');
    return [value.id, value.name, value.street, value.complement, city]
      .filter((part) => part !== undefined && part !== '')
      .join(', ');
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date) return `${date[3]}/${date[2]}/${date[1]}`;
  if (cell.segment === 'CCI') {
    const text = label?.(value);
    if (value === 'X') return 'Oui';
    return text && text !== value ? `${value} – ${text}` : value;
  }
  return value;
}

/** An entry (one value, or the rows of a repeatable cell) as printed lines ('' when empty). */
export function pdfEntry(
  entry: CellEntry | null | undefined,
  cell: Pick<CellDefinition, 'segment'>,
  label?: (code: string) => string | undefined,
): string {
  if (entry === null || entry === undefined) return '';
  const rows = Array.isArray(entry) ? entry : [entry];
  return rows.map((value) => (value === null ? '' : pdfValue(value, cell, label))).join('\n');
}
