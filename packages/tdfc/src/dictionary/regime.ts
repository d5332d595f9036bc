// How a declaration's fiscal facts map to the regime columns of the forms table.
import type { RegimeColumn, Taxation } from './types';

/** Prefixes seen in the regime columns: `IS`, then the TCF categories BI, BA, BC, RF, FL. */
const COLUMN_PATTERN = /^(IS|BI|BA|BC|RF|FL)([A-Z0-9]{2})$/;

/** `ISRS` (as written in `tdfcAAf.edi`) → `IS-RS`; undefined when it is not a regime code. */
export function columnFromTableCode(code: string): RegimeColumn | undefined {
  const match = COLUMN_PATTERN.exec(code);
  return match ? `${match[1]}-${match[2]}` : undefined;
}

/**
 * The regime column of a declaration. The table has one block of columns for companies at the IS
 * (`IS-RN`, `IS-RS`, `IS-GT`…) and one per category for the others (`BI-RS` = BIC at the IR,
 * `BC-DC` = BNC, `BA-BN`, `RF-72`, `FL-CV`), so IS wins over the category.
 */
export function regimeColumn(taxation: Taxation, category: string, regime: string): RegimeColumn {
  return taxation === 'IS' ? `IS-${regime}` : `${category}-${regime}`;
}
