import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { startTestApp, type TestApp } from '../testing/test-app';
import { buildDossier } from '../testing/factories';

const DOSSIER = buildDossier({
  siren: '732829320',
  name: 'Boulangerie Martin',
  street: '3 rue des Lilas',
});

describe.each(await testDialects())('dossiers and exercises (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  it('creates a dossier, lists it, adds non-overlapping exercises, and audits it', async () => {
    t = await startTestApp(dialect);
    const admin = await t.setupAdmin();
    await t.createUser(admin, { email: 'bruno@cabinet-test.fr' });
    const cookie = await t.signIn('bruno@cabinet-test.fr');
    const created = await t.call('POST', '/api/dossiers', { cookie, body: DOSSIER });
    expect(created.statusCode).toBe(201);
    const { dossier } = created.json();
    expect(dossier).toMatchObject({
      siren: '732829320',
      rof: 'IS1',
      street: '3 rue des Lilas',
      complement: null,
      exercises: [],
    });
    const exercise = await t.call('POST', `/api/dossiers/${dossier.id}/exercises`, {
      cookie,
      body: { start: '2025-01-01', end: '2025-12-31' },
    });
    expect(exercise.statusCode).toBe(201);
    expect(exercise.json().dossier.exercises).toMatchObject([
      { start: '2025-01-01', end: '2025-12-31' },
    ]);
    const overlap = await t.call('POST', `/api/dossiers/${dossier.id}/exercises`, {
      cookie,
      body: { start: '2025-06-01', end: '2026-05-31' },
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({ code: 'EXERCISE_OVERLAP', field: 'start' });
    const list = (await t.call('GET', '/api/dossiers', { cookie })).json();
    expect(list).toMatchObject({ total: 1, nextCursor: null });
    expect(list.items).toHaveLength(1);
    expect(list.items[0].exercises).toHaveLength(1);
    const audit = (await t.call('GET', '/api/audit-events', { cookie: admin })).json();
    expect(audit.items.slice(0, 2).map((e: { action: string }) => e.action)).toEqual([
      'exercise.created',
      'dossier.created',
    ]);
  });

  it('refuses bad input in French: SIREN, postcode, régime, ROF, dates, duplicates', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    const post = (body: Record<string, unknown>) =>
      t.call('POST', '/api/dossiers', { cookie, body: { ...DOSSIER, ...body } });
    expect((await post({ siren: '732829321' })).json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'siren',
      message: 'SIREN invalide : 9 chiffres avec une clé de contrôle correcte.',
    });
    expect((await post({ postcode: '6900' })).json()).toMatchObject({ field: 'postcode' });
    expect((await post({ regime: 'XX' })).json()).toMatchObject({
      field: 'regime',
      message: 'Régime invalide.',
    });
    expect((await post({ rof: 'IS' })).json()).toMatchObject({ field: 'rof' });
    expect((await post({})).statusCode).toBe(201);
    const duplicate = await post({ name: 'Autre' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'SIREN_TAKEN', field: 'siren' });
    const id = (await t.call('GET', '/api/dossiers', { cookie })).json().items[0].id;
    const exercise = (body: Record<string, unknown>) =>
      t.call('POST', `/api/dossiers/${id}/exercises`, { cookie, body });
    expect((await exercise({ start: '2025-02-30', end: '2025-12-31' })).json()).toMatchObject({
      field: 'start',
      message: 'Date de début invalide.',
    });
    expect((await exercise({ start: '2025-12-31', end: '2025-01-01' })).json()).toMatchObject({
      field: 'end',
      message: 'La date de fin doit suivre la date de début.',
    });
    expect((await exercise({ start: '2024-01-01', end: '2026-01-31' })).json()).toMatchObject({
      field: 'end',
      message: 'Un exercice dure 24 mois au plus.',
    });
    expect(
      (
        await t.call('GET', '/api/dossiers/00000000-0000-4000-8000-000000000000', { cookie })
      ).json(),
    ).toEqual({ code: 'NOT_FOUND', message: 'Dossier introuvable.' });
  });
});
