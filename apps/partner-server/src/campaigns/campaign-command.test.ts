import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { syntheticFuturePack, tarGzPack, withFileText } from '@passerelle/tdfc/testing';
import { startTestPartner, type TestPartner } from '../testing';
import { runCampaignCommand } from './campaign-command';

const writeFolder = (files: Map<string, Uint8Array>): string => {
  const folder = mkdtempSync(join(tmpdir(), 'pack-'));
  for (const [name, bytes] of files) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), bytes);
  }
  return folder;
};

describe.each(await testDialects())('partner campaign command (%s)', (dialect) => {
  let partner: TestPartner;
  afterEach(async () => partner?.close());

  it('installs a SYNTHETIC millésime 26 pack from a folder, refuses a broken archive whole', async () => {
    partner = await startTestPartner(dialect);
    const broken = withFileText(
      syntheticFuturePack(),
      'tables.json',
      (t) => t.replace('Ain', 'A'),
      true,
    );
    const archive = join(writeFolder(new Map([['x', new Uint8Array()]])), 'broken.tar.gz');
    writeFileSync(archive, tarGzPack(broken));
    const refused = await runCampaignCommand(partner.ctx, ['install', archive]);
    expect(refused).toEqual({
      code: 1,
      output: expect.stringContaining('tables.json : empreinte SHA-256'),
    });
    expect((await partner.ctx.dictionaries.refresh()).millesimes).toEqual(['25', '24', '23']);

    const done = await runCampaignCommand(partner.ctx, [
      'install',
      writeFolder(syntheticFuturePack()),
    ]);
    expect(done).toEqual({
      code: 0,
      output: 'Campagne 2026 (édition 1) installée : millésime(s) 26.',
    });
    const list = await runCampaignCommand(partner.ctx, ['list']);
    expect(list.output).toMatch(
      /^millésime 26 \(exercices clos en 2025\)\s: campagne 2026, édition 1, installée le/,
    );
    expect(list.output).toContain(
      'millésime 25 (exercices clos en 2024) : campagne 2025, édition 1 (livrée avec Passerelle)',
    );
  });
});
