import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db/database';
import { loadKeyringFile } from './secret-box';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('data at rest: the data folder 0700, its files 0600, readable ones refused', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'passerelle-perms-'));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  /** Opens (creating) a SQLite database, writes to it so that its -wal and -shm exist, closes it. */
  async function createDatabase(file: string) {
    const database = openDatabase({ dialect: 'sqlite', file });
    await sql`create table t (x text)`.execute(database.db);
    await sql`insert into t values ('impôts')`.execute(database.db);
    return database;
  }

  it('creates a missing data folder 0700 and the SQLite file, its -wal and -shm 0600, whatever the umask', async () => {
    // This process's umask leaves new files readable by others, as a default Debian one does.
    const control = join(base, 'control');
    writeFileSync(control, '');
    expect(modeOf(control) & 0o044).not.toBe(0);

    const dir = join(base, 'var', 'donnees');
    const file = join(dir, 'declarant.sqlite');
    const database = await createDatabase(file);
    try {
      expect(modeOf(join(base, 'var'))).toBe(0o700);
      expect(modeOf(dir)).toBe(0o700);
      for (const path of [file, `${file}-wal`, `${file}-shm`])
        expect(modeOf(path), path).toBe(0o600);
    } finally {
      await database.close();
    }
    // Opening it again is fine: nothing is readable by others.
    await (await createDatabase(join(dir, 'autre.sqlite'))).close();
    await openDatabase({ dialect: 'sqlite', file }).close();
  });

  it('refuses a database file, its -wal or its folder readable by others, naming the chmod that fixes it', async () => {
    const dir = join(base, 'var');
    const file = join(dir, 'partner.sqlite');
    const database = await createDatabase(file);
    await database.close();
    // What an earlier version left: the file -rw-r--r--.
    chmodSync(file, 0o644);
    expect(() => openDatabase({ dialect: 'sqlite', file })).toThrow(
      `fichier ${file} (droits 0644) : chmod 600 ${file}`,
    );
    chmodSync(file, 0o600);
    writeFileSync(`${file}-wal`, '');
    chmodSync(`${file}-wal`, 0o640);
    expect(() => openDatabase({ dialect: 'sqlite', file })).toThrow(`chmod 600 ${file}-wal`);
    chmodSync(`${file}-wal`, 0o600);
    // ... and its folder drwxr-xr-x, beside the other server's database and a stray note: the
    // message lists every problem of the data folder at once, and only Passerelle's files.
    chmodSync(dir, 0o755);
    chmodSync(file, 0o604);
    for (const name of ['declarant.sqlite', 'notes.txt']) {
      writeFileSync(join(dir, name), '');
      chmodSync(join(dir, name), 0o644);
    }
    let refusal: unknown;
    try {
      openDatabase({ dialect: 'sqlite', file });
    } catch (error) {
      refusal = error;
    }
    expect((refusal as Error).message).toContain(`dossier ${dir} (droits 0755) : chmod 700 ${dir}`);
    expect((refusal as Error).message).toContain(`chmod 600 ${file}`);
    expect((refusal as Error).message).toContain(`chmod 600 ${join(dir, 'declarant.sqlite')}`);
    expect((refusal as Error).message).not.toContain('notes.txt');
    chmodSync(join(dir, 'declarant.sqlite'), 0o600);
    chmodSync(dir, 0o700);
    chmodSync(file, 0o600);
    await openDatabase({ dialect: 'sqlite', file }).close();
  });

  it('creates the master key’s folder 0700 and refuses it once readable by others', () => {
    const dir = join(base, 'cles');
    const file = join(dir, 'partner-master.key');
    loadKeyringFile(file, { create: true });
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
    chmodSync(dir, 0o750);
    expect(() => loadKeyringFile(file, { create: false })).toThrow(`chmod 700 ${dir}`);
  });
});
