// A new declaration for each régime a firm files starts with that régime's forms (docs/regimes.md),
// and the régime's optional forms can be added, only those.
import { afterEach, describe, expect, it } from 'vitest';
import type { DossierInput } from '@passerelle/contracts';
import { testDialects } from '@passerelle/server-kit/testing';
import { startTestApp, type TestApp } from '../testing/test-app';
import { buildDossier, testSiren } from '../testing/factories';

const SIMPLIFIED = ['2033A', '2033B', '2033C', '2033D', '2033E', '2033F', '2033G'];
const NORMAL = [
  ...['2050', '2051', '2052', '2053', '2054', '2055', '2056', '2057'],
  ...['2058A', '2058B', '2058C', '2059A', '2059B', '2059C', '2059D', '2059E', '2059F', '2059G'],
];

const CASES: [string, Partial<DossierInput>, string[]][] = [
  [
    'BIC à l’IS, réel simplifié',
    { taxation: 'IS', category: 'BI', regime: 'RS' },
    ['2065', ...SIMPLIFIED],
  ],
  [
    'BIC à l’IS, réel normal',
    { taxation: 'IS', category: 'BI', regime: 'RN' },
    ['2065', ...NORMAL],
  ],
  [
    'BIC à l’IR, réel simplifié',
    { taxation: 'IR', category: 'BI', regime: 'RS', rof: 'BIC1' },
    ['2031', ...SIMPLIFIED],
  ],
  [
    'BIC à l’IR, réel normal',
    { taxation: 'IR', category: 'BI', regime: 'RN', rof: 'BIC1' },
    ['2031', ...NORMAL],
  ],
  [
    'BNC',
    { taxation: 'IR', category: 'BC', regime: 'DC', rof: 'BNC1' },
    ['2035', '2035A', '2035B'],
  ],
  ['SCI (2072)', { taxation: 'IR', category: 'RF', regime: '72', rof: 'RF1' }, ['2072S']],
  ['SCM', { taxation: 'IR', category: 'BI', regime: 'MS', rof: 'BIC1' }, ['2036']],
];

describe.each(await testDialects())('the liasse of each régime (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  async function create(cookie: string, overrides: Partial<DossierInput>, index: number) {
    const dossierAnswer = await t.call('POST', '/api/dossiers', {
      cookie,
      body: buildDossier({ ...overrides, siren: testSiren(index), name: `SOCIETE ${index}` }),
    });
    expect(dossierAnswer.statusCode, dossierAnswer.body).toBe(201);
    const dossier = dossierAnswer.json().dossier;
    const withExercise = await t.call('POST', `/api/dossiers/${dossier.id}/exercises`, {
      cookie,
      body: { start: '2024-01-01', end: '2024-12-31' },
    });
    const exerciseId = withExercise.json().dossier.exercises[0].id;
    const created = await t.call('POST', `/api/dossiers/${dossier.id}/declarations`, {
      cookie,
      body: { exerciseId },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().declaration;
  }

  it('creates each régime’s forms, and offers only its optional forms', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    for (const [index, [name, facts, forms]] of CASES.entries()) {
      const declaration = await create(cookie, facts, index);
      expect(Object.keys(declaration.forms).sort(), name).toEqual(['F-IDENTIF', ...forms].sort());
      const mainReturn = declaration.anomalies.filter((a: { rule: string }) =>
        ['main-return.missing', 'main-return.several', 'form.not-allowed'].includes(a.rule),
      );
      expect(mainReturn, name).toEqual([]);
    }
  });

  it('adds 2069-RCI to a BNC declaration, refuses a form of another régime or a stale version', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    const declaration = await create(cookie, CASES[4]![1], 4);
    const addable = await t.call('GET', `/api/declarations/${declaration.id}/addable-forms`, {
      cookie,
    });
    expect(addable.statusCode).toBe(200);
    const ids = addable.json().forms.map((form: { id: string }) => form.id);
    expect(ids).toContain('2069RCI');
    expect(ids).not.toContain('2035A');
    expect(ids).not.toContain('2033A');

    const add = (version: number, form: string) =>
      t.call('POST', `/api/declarations/${declaration.id}/forms`, {
        cookie,
        body: { version, form },
      });
    const added = await add(1, '2069RCI');
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().declaration.forms['2069RCI']).toEqual([{}]);
    expect(added.json().declaration.version).toBe(2);

    const other = await add(2, '2033A');
    expect(other.statusCode).toBe(400);
    expect(other.json().message).toContain(
      'Le formulaire 2033A ne peut pas être ajouté : il est déjà dans la déclaration ou n’est pas prévu pour son régime.',
    );
    expect((await add(1, '2035E')).statusCode).toBe(409);
  });

  it('labels the BNC forms, and says what an unlabelled cell expects (2072-S-A1 of an SCI)', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    type Layout = { forms: { id: string; cells: { code: string; label: string }[] }[] };
    const layoutOf = async (id: string): Promise<Layout> =>
      (await t.call('GET', `/api/declarations/${id}/editor`, { cookie })).json();
    const bnc = await create(cookie, CASES[4]![1], 4);
    const cellsOf = (layout: Layout, form: string) =>
      new Map(layout.forms.find((f) => f.id === form)!.cells.map((c) => [c.code, c.label]));
    const bncLayout = await layoutOf(bnc.id);
    expect(cellsOf(bncLayout, '2035A').get('AG')).toBe('Total des recettes');
    expect(cellsOf(bncLayout, '2035B').get('CN')).toBe(
      'Détermination du résultat, total des déductions',
    );

    const sci = await create(cookie, CASES[5]![1], 5);
    const added = await t.call('POST', `/api/declarations/${sci.id}/forms`, {
      cookie,
      body: { version: 1, form: '2072SA1' },
    });
    expect(added.statusCode, added.body).toBe(200);
    const annex = cellsOf(await layoutOf(sci.id), '2072SA1');
    const labels = [...annex.values()];
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((label) => label.startsWith('Case sans libellé : '))).toBe(true);
    expect(labels).toContain('Case sans libellé : montant en euros entiers, négatif admis');
  });
});
