import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_NEANT_BOXES } from '@passerelle/tdfc';
import { testDialects } from '@passerelle/server-kit/testing';
import { startTestApp, type TestApp } from '../testing/test-app';
import { buildDossier } from '../testing/factories';

const DOSSIER = buildDossier({ siren: '732829320', name: 'Boulangerie Martin' });
/** The "néant" box of each 2033 form (the liasse simplifiée's forms besides 2065 and F-IDENTIF). */
const NEANT = Object.fromEntries(
  Object.entries(KNOWN_NEANT_BOXES).filter(([form]) => form.startsWith('2033')),
);

describe.each(await testDialects())('declarations in the editor (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  async function newDeclaration() {
    const cookie = await t.setupAdmin();
    const dossier = (await t.call('POST', '/api/dossiers', { cookie, body: DOSSIER })).json()
      .dossier;
    const withExercise = await t.call('POST', `/api/dossiers/${dossier.id}/exercises`, {
      cookie,
      body: { start: '2024-01-01', end: '2024-12-31' },
    });
    const exerciseId = withExercise.json().dossier.exercises[0].id;
    const created = await t.call('POST', `/api/dossiers/${dossier.id}/declarations`, {
      cookie,
      body: { exerciseId },
    });
    expect(created.statusCode).toBe(201);
    return { cookie, dossier, declaration: created.json().declaration };
  }

  it('starts a liasse simplifiée as "brouillon" with its anomalies, and becomes "prête" once fixed', async () => {
    t = await startTestApp(dialect);
    const { cookie, dossier, declaration } = await newDeclaration();
    expect(Object.keys(declaration.forms).sort()).toEqual([
      '2033A',
      '2033B',
      '2033C',
      '2033D',
      '2033E',
      '2033F',
      '2033G',
      '2065',
      'F-IDENTIF',
    ]);
    expect(declaration.forms['F-IDENTIF'][0]).toMatchObject({
      AA: { id: '732829320', name: 'Boulangerie Martin' },
      BB: 'RS',
      BC: 'IS',
      CA: '2024-01-01',
      CB: '2024-12-31',
      KD: 'IS1',
    });
    expect(declaration.status).toBe('draft');
    const neant = declaration.anomalies.find(
      (a: { form: string; rule: string }) => a.form === '2033A' && a.rule === 'neant.missing',
    );
    expect(neant).toMatchObject({ severity: 'error', code: 'JD' });
    expect(neant.message).toContain('2033-A, case JD');

    const patch = (version: number, changes: unknown[]) =>
      t.call('PATCH', `/api/declarations/${declaration.id}/cells`, {
        cookie,
        body: { version, changes },
      });
    // Amounts on 2033-A, one of them not in whole euros: a blocking anomaly naming the cell.
    const amounts = await patch(1, [
      { form: '2033A', code: 'FG', value: 1200.5 },
      ...Object.entries(NEANT)
        .filter(([form]) => form !== '2033A')
        .map(([form, code]) => ({ form, code, value: 'X' })),
    ]);
    expect(amounts.statusCode).toBe(200);
    const afterAmounts = amounts.json().declaration;
    expect(afterAmounts.version).toBe(2);
    expect(afterAmounts.status).toBe('draft');
    const notInteger = afterAmounts.anomalies.find((a: { code: string }) => a.code === 'FG');
    expect(notInteger.message).toContain('2033-A, case FG');
    // Someone else's change is not overwritten: version 1 is stale now.
    const stale = await patch(1, [{ form: '2033A', code: 'FG', value: 1200 }]);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('DECLARATION_CHANGED');

    const fixed = (
      await patch(2, [
        { form: '2033A', code: 'FG', value: null },
        { form: '2033A', code: 'JD', value: 'X' },
      ])
    ).json().declaration;
    expect(fixed.anomalies.filter((a: { severity: string }) => a.severity === 'error')).toEqual([]);
    expect(fixed.status).toBe('ready');
    const list = (
      await t.call('GET', `/api/dossiers/${dossier.id}/declarations`, { cookie })
    ).json();
    expect(list.items).toMatchObject([{ id: declaration.id, status: 'ready', errorCount: 0 }]);

    const table = (
      await t.call('GET', `/api/declarations/${declaration.id}/table`, { cookie })
    ).json();
    expect(table.rows[0]).toMatchObject({ form: 'F-IDENTIF', code: 'AA' });
    expect(table.rows).toContainEqual(
      expect.objectContaining({ form: '2033-A', code: 'JD', value: 'X' }),
    );
    const audit = (await t.call('GET', '/api/audit-events', { cookie })).json();
    expect(audit.items[0]).toMatchObject({
      action: 'declaration.status_changed',
      details: { from: 'draft', to: 'ready' },
    });
  });

  it('gives the editor every cell of the liasse with its label and allowed values', async () => {
    t = await startTestApp(dialect);
    const { cookie, declaration } = await newDeclaration();
    const layout = (
      await t.call('GET', `/api/declarations/${declaration.id}/editor`, { cookie })
    ).json();
    expect(layout.forms[0].id).toBe('F-IDENTIF');
    const form2033A = layout.forms.find((f: { id: string }) => f.id === '2033A');
    expect(form2033A.label).toBe('2033-A');
    const fg = form2033A.cells.find((c: { code: string }) => c.code === 'FG');
    expect(fg).toMatchObject({ segment: 'MOA', signed: true, values: null });
    expect(fg.label.length).toBeGreaterThan(2);
    const jd = form2033A.cells.find((c: { code: string }) => c.code === 'JD');
    expect(jd).toMatchObject({ segment: 'CCI' });
    expect(jd.values.map((v: { value: string }) => v.value)).toContain('X');
  });

  it('refuses a declaration for an exercise whose millésime is not published yet', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    const dossier = (await t.call('POST', '/api/dossiers', { cookie, body: DOSSIER })).json()
      .dossier;
    const exercises = await t.call('POST', `/api/dossiers/${dossier.id}/exercises`, {
      cookie,
      body: { start: '2025-01-01', end: '2025-12-31' },
    });
    const refused = await t.call('POST', `/api/dossiers/${dossier.id}/declarations`, {
      cookie,
      body: { exerciseId: exercises.json().dossier.exercises[0].id },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'exerciseId' });
    expect(refused.json().message).toContain('millésime 26 (exercices clos en 2025)');
  });

  it('refuses changes to unknown forms and bad cell codes in French', async () => {
    t = await startTestApp(dialect);
    const { cookie, declaration } = await newDeclaration();
    const unknown = await t.call('PATCH', `/api/declarations/${declaration.id}/cells`, {
      cookie,
      body: { version: 1, changes: [{ form: '9999Z', code: 'AA', value: 1 }] },
    });
    expect(unknown.json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: 'Formulaire inconnu : 9999Z.',
    });
    const badCode = await t.call('PATCH', `/api/declarations/${declaration.id}/cells`, {
      cookie,
      body: { version: 1, changes: [{ form: '2033A', code: 'a', value: 1 }] },
    });
    expect(badCode.json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: 'Code de case invalide.',
    });
    const missing = await t.call('GET', '/api/declarations/00000000-0000-4000-8000-000000000000', {
      cookie,
    });
    expect(missing.json()).toEqual({ code: 'NOT_FOUND', message: 'Déclaration introuvable.' });
  });
});
