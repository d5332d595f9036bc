// The printed form as data: sections, rows in the form's order, the columns of a row side by
// side, each slot a cell code. Specs are written by hand per form (`forms/`); `resolvePaperForm`
// turns a spec into the layout of one millésime, with the labels of its dictionary.

/** One row of a spec: a cell code per column (`null`: the printed form has no box there). */
export interface PaperRowSpec {
  cells: readonly (string | null)[];
  /** The row's label; by default the common start of its cells' labels. */
  label?: string;
}

/** A section of the printed form: a heading, its column titles, its rows. */
export interface PaperSectionSpec {
  title: string;
  /** Column titles; a one-column section may leave it empty. */
  columns: readonly string[];
  rows: readonly PaperRowSpec[];
}

/** The printed layout of one form. */
export interface PaperFormSpec {
  form: string;
  sections: readonly PaperSectionSpec[];
  /** Cells deliberately left out of the printed layout (shown in a last section anyway). */
  outside?: readonly string[];
}

/** A row as rendered: its label, one cell code per column, whether it is a total line. */
export interface LayoutRow {
  label: string;
  cells: (string | null)[];
  total: boolean;
}

/** A section as rendered. */
export interface LayoutSection {
  title: string;
  columns: string[];
  rows: LayoutRow[];
}

/** `total` is computed as the sum of `plus` minus the sum of `minus` (line totals, live). */
export interface LineTotal {
  total: string;
  plus: string[];
  minus: string[];
}

/**
 * The layout of one form for one millésime: `paper` when the printed form is known, else
 * `table` (one section, one row per cell in the form's order).
 */
export interface FormLayout {
  kind: 'paper' | 'table';
  sections: LayoutSection[];
  /** The totals computed live for this form's total lines. */
  totals: LineTotal[];
}
