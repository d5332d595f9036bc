// The one engine of the coherence controls (rules/): each rule's target must equal the sum of its
// terms minus the others. Absent cells count as 0; a rule is skipped when none of its cells is
// filled, when one holds a non-number (reported elsewhere), or on a néant form. A term of another
// form reads that form's first occurrence; a carry-over is skipped while that form is absent or
// néant or holds none of the values carried. The anomaly carries the expected value (one-click fill).
import type { FormOccurrence } from '../model';
import { formatNumber } from '../text';
import { placeFinding, type Anomaly } from './anomaly';
import { isNeant } from './neant-rules';
import { COHERENCE_RULES, termPlace, type CoherenceRule } from './rules';
import { numberOf, placeOf, type ValidationContext } from './validation-context';

/** Findings on every coherence rule of every filled occurrence of the forms concerned. */
export function coherenceRules(
  context: ValidationContext,
  rules: readonly CoherenceRule[] = COHERENCE_RULES,
): Anomaly[] {
  const declared = new Map(context.forms.map((entry) => [entry.form.id, entry]));
  /** First occurrence of another form, or undefined when absent or néant. */
  const other = (formId: string): FormOccurrence | null | undefined => {
    const entry = declared.get(formId);
    const cells = entry?.occurrences[0];
    if (!entry || !cells) return undefined;
    return isNeant(entry.form, cells) ? null : cells;
  };
  const anomalies: Anomaly[] = [];
  for (const { form, occurrences } of context.forms) {
    const own = rules.filter((rule) => rule.form === form.id);
    if (own.length === 0) continue;
    occurrences.forEach((cells, occurrence) => {
      if (isNeant(form, cells)) return;
      for (const rule of own) {
        const anomaly = checkRule(context, rule, occurrence, cells, other);
        if (anomaly) anomalies.push(anomaly);
      }
    });
  }
  return anomalies;
}

function checkRule(
  context: ValidationContext,
  rule: CoherenceRule,
  occurrence: number,
  cells: FormOccurrence,
  other: (formId: string) => FormOccurrence | null | undefined,
): Anomaly | undefined {
  const entryOf = (term: string) => {
    const place = termPlace(term, rule.form);
    if (place.form === rule.form) return { found: true, entry: cells[place.code] };
    const otherCells = other(place.form);
    return {
      found: otherCells !== undefined && otherCells !== null,
      entry: otherCells?.[place.code],
    };
  };
  const terms = [...rule.sum, ...(rule.minus ?? [])];
  // A carry-over from a form that is absent or néant is not checked.
  if (terms.some((term) => !entryOf(term).found)) return undefined;
  // A carry-over is checked only when the other form states the value carried.
  const carried = terms.filter((term) => termPlace(term, rule.form).form !== rule.form);
  if (carried.length > 0 && carried.every((term) => numberOf(entryOf(term).entry) === undefined)) {
    return undefined;
  }
  const entries = [rule.target, ...terms].map((term) => entryOf(term).entry);
  if (!entries.some((entry) => numberOf(entry) !== undefined)) return undefined;
  if (entries.some((entry) => entry !== undefined && numberOf(entry) === undefined))
    return undefined;
  const value = (term: string) => numberOf(entryOf(term).entry) ?? 0;
  const total = (list: readonly string[] = []) => list.reduce((sum, term) => sum + value(term), 0);
  const expected = total(rule.sum) - total(rule.minus);
  const declaredValue = value(rule.target);
  if (declaredValue === expected) return undefined;
  const formula = [rule.sum.join(' + '), ...(rule.minus ?? [])].join(' − ');
  const anomaly = placeFinding(placeOf(context, rule.form, occurrence, rule.target), {
    severity: rule.severity,
    rule: rule.id,
    reason: `${formatNumber(declaredValue)} déclaré, ${formatNumber(expected)} attendu (${formula}) : ${rule.what} à vérifier.`,
  });
  anomaly.expected = expected;
  return anomaly;
}
