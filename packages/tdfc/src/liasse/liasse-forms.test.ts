import { describe, expect, it } from 'vitest';
import { dictionary } from '../testing/declarations';
import { addableForms, liasseForms } from './liasse-forms';
import { LIASSE_CASES, NORMAL_ANNEXES, SIMPLIFIED_ANNEXES } from './regimes';

const forms = (taxation: 'IS' | 'IR', category: string, regime: string) =>
  liasseForms(dictionary, '25', { taxation, category, regime });

describe('the liasse of each régime', () => {
  it.each([
    ['BIC à l’IS, réel simplifié', 'IS', 'BI', 'RS', ['2065', ...SIMPLIFIED_ANNEXES]],
    ['BIC à l’IS, réel normal', 'IS', 'BI', 'RN', ['2065', ...NORMAL_ANNEXES]],
    ['BIC à l’IR, réel simplifié', 'IR', 'BI', 'RS', ['2031', ...SIMPLIFIED_ANNEXES]],
    ['BIC à l’IR, réel normal', 'IR', 'BI', 'RN', ['2031', ...NORMAL_ANNEXES]],
    ['BNC', 'IR', 'BC', 'DC', ['2035', '2035A', '2035B']],
    ['SCI', 'IR', 'RF', '72', ['2072S']],
    ['SCM sans option', 'IR', 'BI', 'MS', ['2036']],
    ['SCM option réel', 'IR', 'BI', 'MN', ['2036']],
  ] as const)('%s: %s %s-%s', (_name, taxation, category, regime, expected) => {
    expect(forms(taxation, category, regime)).toEqual(expected);
  });

  it('keeps only what the forms table allows, in each millésime the campaign covers', () => {
    for (const millesime of dictionary.millesimes) {
      for (const item of LIASSE_CASES) {
        const facts = {
          taxation: item.taxation,
          category: item.categories[0]!,
          regime: item.regimes[0]!,
        };
        const allowed = new Set(
          dictionary
            .formsFor(millesime, facts.taxation, facts.category, facts.regime)
            .map((f) => f.id),
        );
        const ids = liasseForms(dictionary, millesime, facts);
        expect(ids[0], `${item.id} ${millesime}`).toBe(item.main);
        expect(ids.every((id) => allowed.has(id))).toBe(true);
      }
    }
  });

  it('falls back on the single main return of a case the table does not list (BA)', () => {
    expect(forms('IR', 'BA', 'BN')).toEqual(['2143']);
    expect(forms('IR', 'FL', 'CV')).toEqual([]);
  });

  it('offers the optional and credit forms of the régime, never a main return', () => {
    const bnc = addableForms(dictionary, '25', { taxation: 'IR', category: 'BC', regime: 'DC' }, [
      'F-IDENTIF',
      '2035',
      '2035A',
      '2035B',
    ]);
    const ids = bnc.map((form) => form.id);
    expect(ids).toContain('2069RCI');
    expect(ids).toContain('2035E');
    expect(ids).not.toContain('2035');
    expect(ids).not.toContain('2035A');
    expect(ids).not.toContain('2031');
    expect(bnc.find((form) => form.id === '2069RCI')).toMatchObject({
      name: '2069-RCI',
      labelled: true,
      repeatable: true,
    });
    const sci = addableForms(dictionary, '25', { taxation: 'IR', category: 'RF', regime: '72' }, [
      '2072S',
      '2069RCI',
    ]);
    expect(sci.map((form) => form.id)).toEqual(expect.arrayContaining(['2072SA1', '2069RCI']));
    expect(sci.find((form) => form.id === '2072SA1')?.labelled).toBe(false);
  });
});
