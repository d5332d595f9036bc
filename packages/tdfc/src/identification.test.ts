import { describe, expect, it } from 'vitest';
import { rulesFired, validate } from './testing/declarations';
import { identificationColumn, newDeclaration, readIdentification } from './identification';

const params = {
  siren: '843217654',
  name: 'BOULANGERIE DES TILLEULS',
  exercise: { start: '2024-01-01', end: '2024-12-31' },
  taxation: 'IS',
  regime: 'RS',
} as const;

describe('F-IDENTIF helpers', () => {
  it('builds a declaration whose F-IDENTIF agrees with its facts', () => {
    const declaration = newDeclaration({ ...params, address: { city: 'LYON', postcode: '69003' } });
    expect(declaration).toEqual({
      millesime: '25',
      siren: '843217654',
      exercise: { start: '2024-01-01', end: '2024-12-31' },
      forms: {
        'F-IDENTIF': [
          {
            AA: {
              id: '843217654',
              name: 'BOULANGERIE DES TILLEULS',
              city: 'LYON',
              postcode: '69003',
            },
            BA: 'BI',
            BB: 'RS',
            BC: 'IS',
            BF: 'NOR',
            CA: '2024-01-01',
            CB: '2024-12-31',
            DA: 'EUR',
            KD: 'IS1',
          },
        ],
      },
    });
    // Only what a bare F-IDENTIF cannot satisfy: the main return and the liasse forms.
    expect(rulesFired(validate(declaration))).toEqual([
      'liasse.form-missing',
      'main-return.missing',
    ]);
  });

  it('defaults the ROF to BIC1 at the IR, and marks a provisional deposit', () => {
    const declaration = newDeclaration({ ...params, taxation: 'IR', provisional: true });
    expect(declaration.forms['F-IDENTIF']![0]).toMatchObject({ BC: 'IR', KD: 'BIC1', BF: 'DPR' });
  });

  it('reads the key facts back, and the regime column they select', () => {
    const facts = readIdentification(newDeclaration({ ...params, rof: 'IS2' }));
    expect(facts).toEqual({
      siren: '843217654',
      name: 'BOULANGERIE DES TILLEULS',
      category: 'BI',
      regime: 'RS',
      taxation: 'IS',
      start: '2024-01-01',
      end: '2024-12-31',
      rof: 'IS2',
      deposit: 'NOR',
      currency: 'EUR',
    });
    expect(identificationColumn(facts)).toBe('IS-RS');
    expect(identificationColumn({ ...facts, taxation: 'IR' })).toBe('BI-RS');
    expect(readIdentification({ ...newDeclaration(params), forms: {} })).toEqual({});
  });
});
