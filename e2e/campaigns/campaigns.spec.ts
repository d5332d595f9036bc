import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticFuturePack, tarGzPack, withFileText } from '@passerelle/tdfc/testing';
import { axeViolations } from '../support/axe';
import { useBrowser } from '../support/browser-hooks';
import { ADMIN } from '../support/people';
import { seedFirmUsers } from '../support/seed-declarant';
import { startDeclarantAlone, type DeclarantAlone } from '../support/servers';
import { signInToPasserelle } from '../support/sign-in';

// "Campagnes" in the browser: an administrator uploads a pack folder packed as a .tar.gz. The
// pack is SYNTHETIC (the 2025 tables moved one year on: campaign 2026, millésime 26). SQLite
// only: both dialects of the store are covered by the API tests.
describe('"Campagnes", in the browser', () => {
  let servers: DeclarantAlone;
  const browser = useBrowser();

  beforeAll(async () => {
    servers = await startDeclarantAlone();
    await seedFirmUsers(servers.declarant);
  });
  afterAll(async () => servers?.stop());

  it('refuses a broken pack with its file, line and column, then installs a SYNTHETIC millésime 26 pack and lists it', async () => {
    const url = servers.declarant.url;
    const page = await browser.newPage();
    await signInToPasserelle(page, url, ADMIN);
    await page.goto(`${url}/cabinet`);
    await page.getByRole('link', { name: 'Campagnes', exact: true }).click();
    await page.getByRole('heading', { name: 'Campagnes', level: 1 }).waitFor();
    await page.getByText('millésime 25 : exercices clos en 2024 — campagne 2025').waitFor();
    expect(await axeViolations(page, 'Campagnes')).toEqual([]);

    const archive = page.getByLabel('Archive du pack');
    const pack = syntheticFuturePack();
    const broken = withFileText(pack, 'tdfc26d.edi', (text) =>
      text.replace('2033A     26FGMOA', '2033A     26FGXYZ'),
    );
    await archive.setInputFiles({
      name: 'campagne-2026.tar.gz',
      mimeType: 'application/gzip',
      buffer: Buffer.from(tarGzPack(broken, 'campagne-2026/')),
    });
    await page.getByRole('button', { name: 'Installer', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'tdfc26d.edi' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /Pack refusé, rien n’est installé\s: tdfc26d\.edi, ligne \d+, colonne 15\s: segment inconnu «\s?XYZ\s?»/,
    );

    await archive.setInputFiles({
      name: 'campagne-2026.tar.gz',
      mimeType: 'application/gzip',
      buffer: Buffer.from(tarGzPack(pack, 'campagne-2026/')),
    });
    await page.getByRole('button', { name: 'Installer', exact: true }).click();
    await page.getByText('Campagne 2026, édition 1, installée').waitFor();
    await page.getByText('millésime 26 : exercices clos en 2025 — campagne 2026').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'SYNTHÉTIQUE' });
    await row.waitFor();
    expect(await row.textContent()).toContain('2026');
    expect(await row.textContent()).toContain('Alice Durand');
  });
});
