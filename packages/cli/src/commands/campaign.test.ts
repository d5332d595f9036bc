import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  COLLABORATOR,
  STRONG_PASSWORD,
  startSignatureWorld,
  type SignatureWorld,
} from '@passerelle/declarant-server/testing';
import { syntheticFuturePack, tarGzPack, withFileText } from '@passerelle/tdfc/testing';
import { runCli } from '../main';
import { memoryIo } from '../testing';

// `passerelle campaign` in-process against a real declarant listening on 127.0.0.1 (real HTTP).
// The pack is SYNTHETIC: the 2025 tables moved one year on (campaign 2026, millésime 26).

let world: SignatureWorld;
let serverUrl: string;
let dir: string;
let accountFile: string;

beforeAll(async () => {
  world = await startSignatureWorld('sqlite');
  serverUrl = await world.t.app.listen({ port: 0, host: '127.0.0.1' });
  dir = mkdtempSync(join(tmpdir(), 'passerelle-campaign-'));
  accountFile = join(dir, 'compte');
  writeFileSync(accountFile, `${STRONG_PASSWORD}\n`, { mode: 0o600 });
  execFileSync('chmod', ['600', accountFile]);
}, 180_000);

afterAll(async () => {
  await world?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const cli = async (email: string, ...args: string[]) => {
  const { io, stdout, stderr } = memoryIo({}, dir);
  const code = await runCli(
    ['--server', serverUrl, '--email', email, '--account-password-file', accountFile, ...args],
    io,
  );
  return { code, stdout: stdout(), stderr: stderr() };
};

function writeFolder(name: string, files: Map<string, Uint8Array>): string {
  const folder = join(dir, name);
  for (const [file, bytes] of files) {
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(join(folder, file), bytes);
  }
  return folder;
}

describe('passerelle campaign', () => {
  it('refuses a broken archive whole, then installs a SYNTHETIC millésime 26 pack folder and lists it', async () => {
    const pack = syntheticFuturePack();
    const broken = withFileText(pack, 'tdfc26f.edi', (text) =>
      text.replace('\n2033A     26', '\n2033A     2'),
    );
    writeFileSync(join(dir, 'casse.tar.gz'), tarGzPack(broken));
    const refused = await cli(ADMIN.email, 'campaign', 'install', 'casse.tar.gz');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(
      /Erreur\s: Pack refusé, rien n’est installé\s: tdfc26f\.edi, ligne \d+, colonne 11\s: millésime illisible/,
    );

    const folder = writeFolder('campagne-2026', pack);
    const collaborator = await cli(COLLABORATOR, 'campaign', 'install', folder);
    expect(collaborator.code).toBe(3);

    const installed = await cli(ADMIN.email, 'campaign', 'install', folder);
    expect(installed).toMatchObject({
      code: 0,
      stdout: 'Campagne 2026 (édition 1) installée : millésime(s) 26.\n',
    });
    const list = await cli(ADMIN.email, 'campaign', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^Campagne\s+Édition\s+Millésimes/);
    expect(list.stdout).toContain(
      'millésime 26 : exercices clos en 2025 — campagne 2026, édition 1',
    );
    expect(list.stdout).toContain(
      'millésime 25 : exercices clos en 2024 — campagne 2025, édition 1',
    );
    expect((await cli(ADMIN.email, 'campaign', 'remove')).code).toBe(2);
  });
});
