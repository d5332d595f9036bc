// Every coherence rule, generated from the rule table: a consistent declaration passes, and the
// same declaration with one term changed fails with the expected value to fill in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dictionary, simplified, validate } from '../../testing/declarations';
import type { Declaration } from '../../model';
import { COHERENCE_RULES, rulesPerForm, termPlace, type CoherenceRule } from './index';

/** F-IDENTIF of the fixture and, for each form the rule touches, its first occurrence filled. */
function consistent(rule: CoherenceRule): { declaration: Declaration; expected: number } {
  const declaration = simplified();
  declaration.forms = { 'F-IDENTIF': declaration.forms['F-IDENTIF']! };
  const set = (term: string, value: number) => {
    const { form, code } = termPlace(term, rule.form);
    const occurrence = ((declaration.forms[form] ??= [{}])[0] ??= {});
    occurrence[code] = value;
  };
  let expected = 0;
  rule.sum.forEach((term, index) => {
    set(term, 1000 * (index + 1) + 7);
    expected += 1000 * (index + 1) + 7;
  });
  (rule.minus ?? []).forEach((term, index) => {
    set(term, index + 3);
    expected -= index + 3;
  });
  set(rule.target, expected);
  return { declaration, expected };
}

const ofRule = (declaration: Declaration, rule: CoherenceRule) =>
  validate(declaration).filter((anomaly) => anomaly.rule === rule.id);

describe('coherence rules (one engine, rules as data)', () => {
  it('has unique ids, a source and only amount cells of millésime 25', () => {
    expect(new Set(COHERENCE_RULES.map((rule) => rule.id)).size).toBe(COHERENCE_RULES.length);
    for (const rule of COHERENCE_RULES) {
      expect(rule.source, rule.id).not.toBe('');
      for (const term of [rule.target, ...rule.sum, ...(rule.minus ?? [])]) {
        const { form, code } = termPlace(term, rule.form);
        expect(dictionary.cell('25', form, code)?.segment, `${rule.id}: ${term}`).toBe('MOA');
      }
      const terms = [...rule.sum, ...(rule.minus ?? [])];
      expect(new Set([rule.target, ...terms]).size, rule.id).toBe(terms.length + 1);
    }
  });

  it.each(COHERENCE_RULES.map((rule) => [rule.id, rule] as const))(
    '%s: passes when consistent, fails with the expected value when one term changes',
    (_id, rule) => {
      const { declaration, expected } = consistent(rule);
      expect(ofRule(declaration, rule)).toEqual([]);

      const { form, code } = termPlace(rule.sum[0]!, rule.form);
      (declaration.forms[form]![0]![code] as number) += 1;
      expect(ofRule(declaration, rule)).toEqual([
        expect.objectContaining({
          severity: rule.severity,
          form: rule.form,
          code: rule.target,
          formOccurrence: 0,
          expected: expected + 1,
        }),
      ]);
    },
  );

  it('skips a carry-over whose other form is absent, and a rule with no cell filled', () => {
    const rule = COHERENCE_RULES.find((r) => r.id === 'total.2033.resultat-bilan')!;
    const { declaration } = consistent(rule);
    delete declaration.forms['2033B'];
    declaration.forms['2033A']![0]!.FG = 5;
    expect(ofRule(declaration, rule)).toEqual([]);
    // 2033-B present but without the result carried: not checked either.
    declaration.forms['2033B'] = [{ BA: 100 }];
    expect(ofRule(declaration, rule)).toEqual([]);
    delete declaration.forms['2033B'];
    declaration.forms['2033A'] = [{}];
    expect(validate(declaration).filter((a) => a.rule.startsWith('total.'))).toEqual([]);
  });

  it('prints in the README how many rules each form holds', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const table = /<!-- coherence-rules -->\n([\s\S]*?)\n<!-- \/coherence-rules -->/.exec(readme);
    const printed = (table?.[1] ?? '')
      .split('\n')
      .map((line) => line.split('|').map((cell) => cell.trim().replace(/\*/g, '')))
      .filter((cells) => /^\d+$/.test(cells[2] ?? ''))
      .map((cells) => [cells[1], Number(cells[2])]);
    expect(printed).toEqual([...rulesPerForm(), ['total', COHERENCE_RULES.length]]);
  });
});
