// The line totals the editor and the PDF compute live. Seam: today they come from the total
// rules of the simplified liasse (validate/totals-2033.ts); a rule engine covering more forms
// replaces `lineTotals` alone.
import { TOTALS_2033 } from '../validate/totals-2033';
import type { LineTotal } from './types';

/** The totals of `formId`, one per total cell (the first rule naming it wins). */
export function lineTotals(formId: string): LineTotal[] {
  const byTotal = new Map<string, LineTotal>();
  for (const rule of TOTALS_2033) {
    if (rule.form !== formId || byTotal.has(rule.total)) continue;
    byTotal.set(rule.total, {
      total: rule.total,
      plus: [...rule.plus],
      minus: [...(rule.minus ?? [])],
    });
  }
  return [...byTotal.values()];
}

/**
 * The value of `total` computed from the numbers of `valueOf` (absent cells count as 0), or
 * undefined when none of its terms is a number.
 */
export function computeLineTotal(
  total: LineTotal,
  valueOf: (code: string) => unknown,
): number | undefined {
  const terms = [...total.plus, ...total.minus];
  if (!terms.some((code) => typeof valueOf(code) === 'number')) return undefined;
  const sum = (codes: readonly string[]) =>
    codes.reduce((acc, code) => {
      const value = valueOf(code);
      return acc + (typeof value === 'number' ? value : 0);
    }, 0);
  return sum(total.plus) - sum(total.minus);
}
