import { execFileSync, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError, ExitCode } from '../exit-codes';
import { formatMode, isPrivateMode, readPasswordFile } from './password-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'passerelle-cli-pw-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string, mode: number): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  await chmod(path, mode); // explicit: the umask does not decide the test
  return path;
}

async function refusal(path: string, platform?: NodeJS.Platform): Promise<string> {
  const error = await readPasswordFile(path, dir, platform).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CliError);
  expect((error as CliError).exitCode).toBe(ExitCode.usage);
  return (error as CliError).message;
}

describe('password file permission check', () => {
  it('accepts only modes without any group or other bit, like ssh', () => {
    for (const mode of [0o600, 0o400, 0o700, 0o100600]) expect(isPrivateMode(mode)).toBe(true);
    for (const mode of [0o640, 0o604, 0o644, 0o620, 0o602, 0o610, 0o601, 0o100644])
      expect(isPrivateMode(mode)).toBe(false);
    expect(formatMode(0o100644)).toBe('0644');
    expect(formatMode(0o600)).toBe('0600');
  });

  it('reads the first line of a 0600 file, without its line ending', async () => {
    const path = await file('ok', 'parapluie mandarine escalier volcan\r\nsecond line\n', 0o600);
    expect(await readPasswordFile(path, dir)).toBe('parapluie mandarine escalier volcan');
    // Relative paths are read from the given working folder; spaces inside are kept.
    await file('rel', '  espaces gardés  ', 0o400);
    expect(await readPasswordFile('rel', dir)).toBe('  espaces gardés  ');
  });

  it('refuses a file readable by the group or by others, saying how to fix it', async () => {
    const group = await file('group', 'secret\n', 0o640);
    expect(await refusal(group)).toBe(
      `Les droits du fichier de mot de passe ${group} sont trop ouverts (0640) : il ne doit être accessible qu’à vous. Corrigez-les avec « chmod 600 ${group} ».`,
    );
    const others = await file('others', 'secret\n', 0o604);
    expect(await refusal(others)).toContain('(0604)');
    // Windows has no such bits: not checked there.
    expect(await readPasswordFile(others, dir, 'win32')).toBe('secret');
  });

  it('refuses a missing file, a folder, an empty first line', async () => {
    expect(await refusal(join(dir, 'absent'))).toBe(
      `Fichier de mot de passe introuvable : ${join(dir, 'absent')}.`,
    );
    const folder = join(dir, 'folder');
    await mkdir(folder, { mode: 0o700 });
    expect(await refusal(folder)).toContain('est un dossier');
    expect(await refusal(await file('empty', '\nsecret\n', 0o600))).toContain('est vide');
  });

  it('reads from a private named pipe, as with <(pass show …)', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', ['-m', '600', fifo]);
    const writer = spawn('sh', ['-c', `printf 'depuis un tube\\n' > '${fifo}'`]);
    const written = new Promise((resolve) => writer.on('close', resolve));
    expect(await readPasswordFile(fifo, dir)).toBe('depuis un tube');
    expect(await written).toBe(0);
  });
});
