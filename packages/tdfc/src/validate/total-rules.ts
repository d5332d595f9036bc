// Totals that do not add up (warnings): the lines listed in totals-2033.ts.
import type { FormOccurrence } from '../model';
import { formatNumber } from '../text';
import { placeFinding, warning, type Anomaly } from './anomaly';
import { isNeant } from './neant-rules';
import { RESULT_2033, TOTALS_2033, type TotalRule } from './totals-2033';
import { numberOf, placeOf, type ValidationContext } from './validation-context';

/** Findings on every total of every filled occurrence of the forms concerned. */
export function totalRules(context: ValidationContext): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const { form, occurrences } of context.forms) {
    const rules = TOTALS_2033.filter((rule) => rule.form === form.id);
    occurrences.forEach((cells, occurrence) => {
      if (isNeant(form, cells)) return;
      for (const rule of rules) {
        const finding = checkTotal(rule, cells);
        if (finding) {
          anomalies.push(placeFinding(placeOf(context, form.id, occurrence, rule.total), finding));
        }
      }
    });
  }
  return [...anomalies, ...resultRule(context)];
}

function checkTotal(rule: TotalRule, cells: FormOccurrence) {
  const codes = [rule.total, ...rule.plus, ...(rule.minus ?? [])];
  // Only numbers take part: a list or a text is a type error reported elsewhere.
  if (!codes.some((code) => numberOf(cells[code]) !== undefined)) return undefined;
  if (codes.some((code) => cells[code] !== undefined && numberOf(cells[code]) === undefined)) {
    return undefined;
  }
  const value = (code: string) => numberOf(cells[code]) ?? 0;
  const sum = (list: readonly string[] = []) =>
    list.reduce((total, code) => total + value(code), 0);
  const expected = sum(rule.plus) - sum(rule.minus);
  const declared = value(rule.total);
  if (declared === expected) return undefined;
  const formula = [rule.plus.join(' + '), ...(rule.minus ?? [])].join(' − ');
  return warning(
    rule.rule,
    `${formatNumber(declared)} déclaré, ${formatNumber(expected)} attendu (${formula}) : ${rule.what} à vérifier.`,
  );
}

function resultRule(context: ValidationContext): Anomaly[] {
  const find = (id: string) => context.forms.find(({ form }) => form.id === id);
  const income = find(RESULT_2033.form);
  const balance = find(RESULT_2033.other.form);
  const incomeCells = income?.occurrences[0];
  const balanceCells = balance?.occurrences[0];
  if (!income || !balance || !incomeCells || !balanceCells) return [];
  if (isNeant(income.form, incomeCells) || isNeant(balance.form, balanceCells)) return [];
  const result = numberOf(incomeCells[RESULT_2033.code]);
  const booked = numberOf(balanceCells[RESULT_2033.other.code]);
  if (result === undefined && booked === undefined) return [];
  if ((result ?? 0) === (booked ?? 0)) return [];
  return [
    placeFinding(
      placeOf(context, RESULT_2033.form, 0, RESULT_2033.code),
      warning(
        RESULT_2033.rule,
        `résultat ${formatNumber(result ?? 0)} différent de celui du bilan (2033-A, case FG : ${formatNumber(booked ?? 0)}).`,
      ),
    ),
  ];
}
