import { afterEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_DECLARATIONS } from '@passerelle/contracts';
import { testDialects } from '@passerelle/server-kit/testing';
import {
  loadDictionary,
  readFixtureJson,
  readInfentInterchange,
  writeInfentInterchange,
  importDeclaration,
  type Declaration,
} from '@passerelle/tdfc';
import { startTestApp, type TestApp } from '../testing/test-app';
import { testDossier } from '../testing/factories';

const EXAMPLE = readFixtureJson('importExample') as { siren: string; name: string };
const DOSSIER = testDossier(EXAMPLE.siren, EXAMPLE.name);
const dictionary = loadDictionary('2025');

function exampleFor(exercise: { start: string; end: string }, millesime: string): Declaration {
  const result = importDeclaration(dictionary, { ...EXAMPLE, exercise, millesime });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.declaration;
}

/** An INFENT file "from another software" holding two declarations (or these ones). */
function twoDeclarationFile(
  declarations = [
    exampleFor({ start: '2024-01-01', end: '2024-12-31' }, '25'),
    exampleFor({ start: '2023-01-01', end: '2023-12-31' }, '24'),
  ],
): Uint8Array {
  return writeInfentInterchange(dictionary, declarations, {
    firm: { siret: '73282932000074', name: 'Autre logiciel' },
    partner: { number: '1234567' },
    controlReference: 'REF1',
    preparedAt: new Date('2026-03-02T09:00:00Z'),
    test: false,
    software: { editor: 'AUTRE', name: 'AUTRE', version: '1' },
    attestation: '2025.01.0001',
  });
}

describe.each(await testDialects())('INFENT interchanges (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  const upload = (cookie: string, body: Uint8Array | string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/declarations/import',
      headers: { cookie, origin: 'http://passerelle.test', 'content-type': 'application/edifact' },
      payload: Buffer.from(body),
    });
  const count = async () =>
    (await t.ctx.db.selectFrom('declarations').select('id').execute()).length;

  it('imports a file of two declarations, then writes each back as an interchange in test mode', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    await t.call('POST', '/api/dossiers', { cookie, body: DOSSIER });
    const imported = await upload(cookie, twoDeclarationFile());
    expect(imported.statusCode).toBe(201);
    const { declarations } = imported.json();
    expect(declarations).toHaveLength(2);
    expect(declarations.map((d: { source: string }) => d.source)).toEqual(['infent', 'infent']);
    const id = declarations[0].id;

    const noSiret = await t.call('GET', `/api/declarations/${id}/interchange`, { cookie });
    expect(noSiret.statusCode).toBe(409);
    expect(noSiret.json().code).toBe('FIRM_SIRET_MISSING');
    await t.call('PUT', '/api/firm/settings', {
      cookie,
      body: { siret: '73282932000074', testMode: true },
    });
    const file = await t.call('GET', `/api/declarations/${id}/interchange`, { cookie });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/edifact');
    expect(file.headers['content-disposition']).toMatch(
      /^attachment; filename="infent-\d{9}-\d{8}\.edi"$/,
    );
    const text = file.rawPayload.toString('latin1');
    expect(text).toMatch(/^UNA:\+,\? 'UNB\+UNOL:3\+73282932000074:5:I\+9990001:146\+/);
    expect(text).toMatch(/\+1'UNG\+INFENT/); // the test indicator of "mode test"
    const read = readInfentInterchange(dictionary, file.rawPayload);
    const stored = (await t.call('GET', `/api/declarations/${id}`, { cookie })).json().declaration;
    expect(read.declarations[0]!.forms).toEqual(stored.forms);
  });

  it('refuses malformed files with precise French errors and creates nothing', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    await t.call('POST', '/api/dossiers', { cookie, body: DOSSIER });
    const good = Buffer.from(twoDeclarationFile());
    const latin = good.toString('latin1');

    const truncated = await upload(cookie, good.subarray(0, Math.floor(good.length / 2)));
    expect(truncated.statusCode).toBe(422);
    expect(truncated.json().code).toBe('IMPORT_INVALID');
    expect(truncated.json().message).toMatch(/^Import refusé, aucune déclaration créée\u00a0: /);

    const wrongCount = latin.replace(
      /UNT\+(\d+)\+00001/,
      (_m, n: string) => `UNT+${Number(n) + 1}+00001`,
    );
    const counted = await upload(cookie, Buffer.from(wrongCount, 'latin1'));
    expect(counted.json().message).toContain('ne correspond pas au nombre réel');

    const badByte = Buffer.from(good);
    badByte[badByte.indexOf('BOULANGERIE') > 0 ? badByte.indexOf('BOULANGERIE') : 200] = 0x81;
    const bad = await upload(cookie, badByte);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().message).toMatch(/0x81|U\+0081/);

    const huge = Buffer.alloc(50 * 1024 * 1024 + 1, 0x41);
    const tooBig = await upload(cookie, huge);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(tooBig.json().message).toContain('50 Mo');

    const garbage = await upload(cookie, 'ceci n’est pas un fichier EDI');
    expect(garbage.statusCode).toBe(422);
    expect(await count()).toBe(0);
  });

  it('refuses a file of more than 1,000 declarations, in French, before storing any', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    await t.call('POST', '/api/dossiers', { cookie, body: DOSSIER });
    const one = exampleFor({ start: '2024-01-01', end: '2024-12-31' }, '25');
    const file = twoDeclarationFile(Array.from({ length: MAX_IMPORT_DECLARATIONS + 1 }, () => one));
    const refused = await upload(cookie, file);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'IMPORT_TOO_LARGE' });
    expect(refused.json().message).toMatch(
      /^Import refusé, aucune déclaration créée\u00a0: le fichier contient plus de 1\u202f000 déclarations/,
    );
    expect(await count()).toBe(0);
  });
});
