import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { readFixtureJson } from '@passerelle/tdfc/testing';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { testDossier } from '../../testing/factories';

const EXAMPLE = readFixtureJson('importExample') as { siren: string; name: string };

/** The PDF's text as poppler's pdftotext reads it, spaces (no-break included) collapsed. */
function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes })
    .toString('utf8')
    .replace(/[\s\u00a0]+/g, ' ');
}

const pageCount = (bytes: Buffer) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: bytes }).toString())?.[1]);

describe.each(await testDialects())('the PDF of a declaration (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  async function importedDeclaration(cookie: string): Promise<string> {
    await t.call('POST', '/api/dossiers', {
      cookie,
      body: testDossier(EXAMPLE.siren, EXAMPLE.name),
    });
    const imported = await t.call('POST', '/api/declarations/import-json', {
      cookie,
      body: EXAMPLE,
    });
    expect(imported.statusCode).toBe(201);
    return imported.json().declarations[0].id as string;
  }

  it('prints the firm, the dossier, each form as on paper with its amounts, and MODE TEST', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    const id = await importedDeclaration(cookie);
    await t.call('PUT', '/api/firm/settings', {
      cookie,
      body: { siret: '73282932000074', testMode: true },
    });

    const answer = await t.call('GET', `/api/declarations/${id}/pdf`, { cookie });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
    expect(answer.headers['content-disposition']).toBe(
      `attachment; filename="declaration-${EXAMPLE.siren}-20241231.pdf"`,
    );
    const bytes = answer.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Cabinet Test – SIRET 73282932000074');
    expect(text).toContain(`Dossier ${EXAMPLE.name} – SIREN ${EXAMPLE.siren}`);
    expect(text).toContain('Exercice du 01/01/2024 au 31/12/2024 – millésime 25');
    expect(text).toContain('MODE TEST');
    // 2033-A as printed: section, column titles, a line with its amounts side by side.
    expect(text).toContain('Formulaire 2033-A');
    expect(text).toMatch(/Actif immobilisé Brut Amortissements et .*Net/);
    // -layout keeps a printed line on one text line: label, then brut and net side by side.
    expect(text).toContain('Disponibilités 15 000 15 000');
    expect(text).toContain('Total général du passif 15 000');
    // 2065 and a repeated line of 2033-F.
    expect(text).toContain('Formulaire 2065');
    expect(text).toContain('Conseil en informatique');
    expect(text).toContain('DUPONT MARIE');
    // One page per form at least: F-IDENTIF, 2065, 2033-A…G.
    expect(pageCount(bytes)).toBeGreaterThanOrEqual(9);
  });

  it('has no watermark out of test mode', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    const id = await importedDeclaration(cookie);
    const answer = await t.call('GET', `/api/declarations/${id}/pdf`, { cookie });
    expect(answer.statusCode).toBe(200);
    const text = pdfText(answer.rawPayload);
    expect(text).not.toContain('MODE TEST');
    expect(text).toContain('Cabinet Test');
  });

  it('answers a precise 404 for an unknown declaration, and 401 signed out', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    const missing = await t.call(
      'GET',
      '/api/declarations/00000000-0000-4000-8000-000000000000/pdf',
      {
        cookie,
      },
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('Déclaration introuvable.');
    const anonymous = await t.call(
      'GET',
      '/api/declarations/00000000-0000-4000-8000-000000000000/pdf',
    );
    expect(anonymous.statusCode).toBe(401);
  });
});
