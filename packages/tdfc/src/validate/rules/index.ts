// Every coherence control, one file per family of forms; `rulesPerForm` feeds the README table.
import type { CoherenceRule } from './coherence-rule';
import { RULES_2033 } from './rules-2033';
import { RULES_2050 } from './rules-2050';
import { RULES_OTHER } from './rules-other';
import { RULES_RETURNS } from './rules-returns';

export type { CoherenceRule, Term } from './coherence-rule';
export { termPlace } from './coherence-rule';

export const COHERENCE_RULES: readonly CoherenceRule[] = [
  ...RULES_2033,
  ...RULES_2050,
  ...RULES_OTHER,
  ...RULES_RETURNS,
];

/** How many rules each form holds (the form of the total), in the order of the rules. */
export function rulesPerForm(
  rules: readonly CoherenceRule[] = COHERENCE_RULES,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const rule of rules) counts.set(rule.form, (counts.get(rule.form) ?? 0) + 1);
  return counts;
}
