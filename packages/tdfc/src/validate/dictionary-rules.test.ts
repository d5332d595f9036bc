import { describe, expect, it } from 'vitest';
import { formOf, rulesFired, simplified, validate } from '../testing/declarations';

describe('dictionary rules', () => {
  it('refuses a form the millésime does not have', () => {
    const anomalies = validate(simplified((d) => (d.forms['2099Z'] = [{ AA: 1 }])));
    expect(rulesFired(anomalies)).toEqual(['form.unknown']);
    expect(anomalies[0]).toMatchObject({
      form: '2099Z',
      message: '2099-Z : formulaire inconnu pour le millésime 25 de la campagne 2025.',
    });
  });

  it('refuses a code the form does not have', () => {
    const anomalies = validate(simplified((d) => (formOf(d, '2033A').ZZ = 1)));
    expect(rulesFired(anomalies)).toEqual(['cell.unknown']);
    expect(anomalies[0]).toMatchObject({ form: '2033A', code: 'ZZ', formOccurrence: 0 });
    expect(anomalies[0]!.message).toBe(
      '2033-A, case ZZ : code inconnu sur ce formulaire (millésime 25).',
    );
  });

  it('refuses a second occurrence of a form that occurs once', () => {
    const anomalies = validate(simplified((d) => d.forms['2033G']!.push({ GS: 'X' })));
    expect(rulesFired(anomalies)).toEqual(['form.repeated']);
    expect(anomalies[0]!.message).toContain('2033-G : formulaire présent 2 fois');
  });

  it('refuses several values in a cell that is not repeatable', () => {
    const anomalies = validate(simplified((d) => (formOf(d, '2033A').JB = [5000, 6000])));
    expect(rulesFired(anomalies)).toEqual(['cell.repeated']);
    expect(anomalies[0]!.message).toBe(
      "2033-A, case JB (Coût de revient des immobilisations acquises ou créées lors de l'exercice) : 2 valeurs alors que la case n'en admet qu'une.",
    );
  });

  it('accepts a list of one value, and rows left empty (null), in any cell', () => {
    const anomalies = validate(
      simplified((d) => {
        formOf(d, '2033A').JB = [5000];
        formOf(d, '2033F').BE = [null, null];
      }),
    );
    expect(anomalies).toEqual([]);
  });

  it('numbers the occurrences of a repeatable form in messages', () => {
    const anomalies = validate(
      simplified((d) => (d.forms['2069RCI'] = [{ AB: 'X' }, { AD: 'O' }])),
    );
    expect(rulesFired(anomalies)).toEqual(['value.table']);
    expect(anomalies[0]).toMatchObject({ form: '2069RCI', code: 'AD', formOccurrence: 1 });
    expect(anomalies[0]!.message).toMatch(
      /^2069-RCI \(occurrence 2\), case AD \(.+\) : valeur « O »/,
    );
  });
});
