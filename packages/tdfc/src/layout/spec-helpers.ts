// Shorthands to write the printed forms: most grids of the liasse code the column in the first
// letter and the line in the second (2033-A: AA brut, BA amortissements, CA net).
import type { PaperRowSpec } from './types';

/** Rows of a grid: for each line letter, the cells `<column><line>` side by side. */
export function grid(columns: string, lines: string): PaperRowSpec[] {
  return [...lines].map((line) => ({ cells: [...columns].map((column) => column + line) }));
}

/** One-column rows, one per code. */
export function single(...codes: string[]): PaperRowSpec[] {
  return codes.map((code) => ({ cells: [code] }));
}

/** A row with an explicit label. */
export function labelled(label: string, ...cells: (string | null)[]): PaperRowSpec {
  return { label, cells };
}
