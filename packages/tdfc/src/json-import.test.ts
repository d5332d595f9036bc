import { describe, expect, it } from 'vitest';
import { readFixtureJson } from './fixtures/fixtures';
import { dictionary, validate } from './testing/declarations';
import { importDeclaration, importDeclarationJson, type ImportResult } from './json-import';

const base = {
  siren: '123456782',
  name: 'ATELIER EXEMPLE',
  exercise: { start: '2024-01-01', end: '2024-12-31' },
  taxation: 'IS',
  regime: 'RS',
};
const errorsOf = (result: ImportResult) => (result.ok ? [] : result.errors);

describe('JSON import for integrators', () => {
  it('imports the README example into a declaration that validates clean', () => {
    const result = importDeclaration(dictionary, readFixtureJson('importExample'));
    expect(errorsOf(result)).toEqual([]);
    if (!result.ok) return;
    const { declaration } = result;
    expect(declaration.forms['F-IDENTIF']).toEqual([
      {
        AA: {
          id: '123456782',
          name: 'ATELIER EXEMPLE',
          street: '1 RUE DE LA PAIX',
          city: 'PARIS',
          postcode: '75002',
          country: 'FR',
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
    ]);
    expect(declaration.millesime).toBe('25');
    expect(declaration.forms['2033C']).toEqual([{ RQ: 'X' }]); // true → X
    expect(declaration.forms['2033E']).toEqual([{ AA: 1 }]); // false → not ticked
    expect(declaration.forms['2033F']![0]!.BE).toEqual(['1980-05-21']); // 102 CCYYMMDD → ISO
    expect(validate(declaration)).toEqual([]);
  });

  it('accepts the short forms of the exercise: a year, an ISO interval', () => {
    const year = importDeclaration(dictionary, { ...base, exercise: 2024, forms: {} });
    const interval = importDeclaration(dictionary, {
      ...base,
      exercise: '2024-07-01/2025-06-30',
      forms: {},
    });
    expect(year.ok && year.declaration.exercise).toEqual({
      start: '2024-01-01',
      end: '2024-12-31',
    });
    expect(interval.ok && interval.declaration).toMatchObject({
      millesime: '25',
      exercise: { start: '2024-07-01', end: '2025-06-30' },
    });
  });

  it('takes occurrence lists, rows with nulls, and lets F-IDENTIF cells override the facts', () => {
    const result = importDeclaration(dictionary, {
      ...base,
      forms: {
        '2069RCI': [{ AB: true }, { AB: true }],
        '2033F': { BD: [10, null], BE: [null, '1970-01-02'], GV: null },
        'F-IDENTIF': { BF: 'DPR', AB: '6201Z' },
      },
    });
    expect(errorsOf(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.declaration.forms['2069RCI']).toHaveLength(2);
    expect(result.declaration.forms['2033F']).toEqual([
      { BD: [10, null], BE: [null, '1970-01-02'] },
    ]);
    expect(result.declaration.forms['F-IDENTIF']![0]).toMatchObject({
      BF: 'DPR',
      AB: '6201Z',
      BB: 'RS',
    });
  });

  it('lists every problem with its path, and gives no declaration', () => {
    const result = importDeclaration(dictionary, {
      siren: 843217654,
      exercice: '2024',
      exercise: { start: '2024-01-01', end: '2024-02-30' },
      taxation: 'IT',
      forms: {},
    });
    expect(result.ok).toBe(false);
    expect(errorsOf(result)).toEqual([
      {
        path: 'exercice',
        message: expect.stringContaining('propriété inconnue (admises : millesime, siren'),
      },
      { path: 'siren', message: 'texte attendu.' },
      {
        path: 'exercise.end',
        message: 'date AAAA-MM-JJ existante attendue, valeur reçue : « 2024-02-30 » (texte).',
      },
      { path: 'taxation', message: '« IS » ou « IR » attendu.' },
    ]);
    expect('declaration' in result).toBe(false);
  });

  it('refuses unknown forms and codes, and values whose JSON type does not fit the cell', () => {
    const result = importDeclaration(dictionary, {
      ...base,
      forms: {
        '2099Z': {},
        '2033A': { ZZ: 1, FG: '17000', JB: [1, 2], JD: 'X' },
        '2033F': { BA: [{ name: 'A', rue: 'B' }], BE: ['1970-13-01'] },
      },
    });
    expect(errorsOf(result)).toEqual([
      { path: 'forms.2099Z', message: 'formulaire inconnu pour le millésime 25.' },
      { path: 'forms.2033A.ZZ', message: 'code inconnu sur le formulaire 2033-A (millésime 25).' },
      {
        path: 'forms.2033A.FG',
        message: 'nombre attendu (sans guillemets), valeur reçue : « 17000 » (texte).',
      },
      { path: 'forms.2033A.JB', message: "liste reçue alors que la case n'admet qu'une valeur." },
      {
        path: 'forms.2033F.BA',
        message: expect.stringContaining("ligne 1 : composant d'adresse inconnu « rue »"),
      },
      {
        path: 'forms.2033F.BE',
        message: expect.stringContaining('ligne 1 : date AAAA-MM-JJ existante attendue'),
      },
    ]);
  });

  it('refuses an exercise outside the campaign and a missing SIREN or exercise', () => {
    expect(errorsOf(importDeclaration(dictionary, { ...base, exercise: 2025, forms: {} }))).toEqual(
      [{ path: 'exercise.end', message: 'millésime 26 hors de la campagne 2025 (25, 24, 23).' }],
    );
    expect(errorsOf(importDeclaration(dictionary, { forms: {} })).map((e) => e.path)).toEqual([
      'siren',
      'exercise',
    ]);
    expect(errorsOf(importDeclaration(dictionary, [])).map((e) => e.message)).toEqual([
      'objet JSON attendu.',
    ]);
  });

  it('reports unreadable JSON text', () => {
    const result = importDeclarationJson(dictionary, '{"siren": ');
    expect(errorsOf(result)[0]).toMatchObject({
      path: '',
      message: expect.stringMatching(/^JSON illisible/),
    });
    expect(importDeclarationJson(dictionary, JSON.stringify({ ...base, forms: {} })).ok).toBe(true);
  });
});
