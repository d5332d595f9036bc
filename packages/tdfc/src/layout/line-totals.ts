// The line totals the editor and the PDF compute live: the coherence rules (validate/rules/) of
// the form whose terms are all cells of that form (carry-overs from another form are left to the
// validation, which knows the other form).
import { COHERENCE_RULES, termPlace } from '../validate/rules';
import type { LineTotal } from './types';

/** The totals of `formId`, one per total cell (the first rule naming it wins). */
export function lineTotals(formId: string): LineTotal[] {
  const byTotal = new Map<string, LineTotal>();
  for (const rule of COHERENCE_RULES) {
    if (rule.form !== formId || byTotal.has(rule.target)) continue;
    const terms = [...rule.sum, ...(rule.minus ?? [])];
    if (terms.some((term) => termPlace(term, formId).form !== formId)) continue;
    byTotal.set(rule.target, {
      total: rule.target,
      plus: [...rule.sum],
      minus: [...(rule.minus ?? [])],
    });
  }
  return [...byTotal.values()];
}

export { computeLineTotal } from '@passerelle/contracts';
