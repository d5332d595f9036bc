import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';

const root = resolve(import.meta.dirname, '../..');

describe('the README start command', () => {
  it('starts the declarant, the partner and the inbox on SQLite in DATA_DIR, prints the URLs and the setup link, stops on Ctrl-C', async () => {
    const [port, partnerPort, inboxHttp, inboxSmtp] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    // A data folder that does not exist yet, as on a fresh clone: the start creates it.
    const parent = mkdtempSync(join(tmpdir(), 'passerelle-start-'));
    const dataDir = join(parent, 'var');
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        PARTNER_PORT: String(partnerPort),
        INBOX_HTTP_PORT: String(inboxHttp),
        INBOX_SMTP_PORT: String(inboxSmtp),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    try {
      await new Promise<void>((ready, fail) => {
        const timer = setTimeout(() => fail(new Error(`no banner:\n${output}`)), 100_000);
        child.stdout.on('data', () => {
          if (
            /configuration#jeton=\S+/.test(output) &&
            /portail \(espace client\)/.test(output) &&
            /Boîte de réception locale/.test(output)
          ) {
            clearTimeout(timer);
            ready();
          }
        });
        void exited.then((code) => fail(new Error(`start exited (${code}):\n${output}`)));
      });
      expect(output).toContain(`Passerelle (déclarant) est prêt : http://localhost:${port}`);
      expect(output).toMatch(new RegExp(`http://localhost:${port}/configuration#jeton=[\\w-]{43}`));

      const page = await fetch(`http://127.0.0.1:${port}/configuration`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html lang="fr"');
      const setup = await fetch(`http://127.0.0.1:${port}/api/setup`);
      expect(await setup.json()).toEqual({ needed: true });
      expect(existsSync(join(dataDir, 'declarant.sqlite'))).toBe(true);
      // The reference partner and the local inbox run beside it.
      expect(output).toContain(`http://localhost:${partnerPort}/portail`);
      expect((await fetch(`http://127.0.0.1:${partnerPort}/api/health`)).status).toBe(200);
      expect(await (await fetch(`http://127.0.0.1:${inboxHttp}/api/messages`)).json()).toEqual({
        messages: [],
      });
      expect(existsSync(join(dataDir, 'partner.sqlite'))).toBe(true);
      // Data at rest: only this account can enter the folder or read its files (databases,
      // their -wal/-shm, the master keys).
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      const files = readdirSync(dataDir);
      expect(files).toEqual(expect.arrayContaining(['declarant.sqlite-wal', 'partner-master.key']));
      for (const name of files)
        expect(statSync(join(dataDir, name)).mode & 0o777, name).toBe(0o600);
    } finally {
      child.kill('SIGINT');
      const code = await exited;
      rmSync(parent, { recursive: true, force: true });
      expect(code).toBe(0);
    }
  });

  it('refuses to start on a data folder an earlier version left readable by others, naming the chmod to run', async () => {
    const [port, partnerPort, inboxHttp, inboxSmtp] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const parent = mkdtempSync(join(tmpdir(), 'passerelle-start-'));
    const dataDir = join(parent, 'var');
    // drwxr-xr-x and -rw-r--r--: what `npm start` created before the permissions were fixed.
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    for (const name of ['declarant.sqlite', 'partner.sqlite']) {
      writeFileSync(join(dataDir, name), '');
      chmodSync(join(dataDir, name), 0o644);
    }
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        PARTNER_PORT: String(partnerPort),
        INBOX_HTTP_PORT: String(inboxHttp),
        INBOX_SMTP_PORT: String(inboxSmtp),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Should a server start anyway, stop everything so that the test fails at once.
    child.stdout.on('data', () => {
      if (/est prêt/.test(output)) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    try {
      expect(code, output).not.toBe(0);
      expect(output).toContain('ne peut pas démarrer');
      expect(output).toContain(`chmod 700 ${dataDir}`);
      // Either server lists the whole folder's problems, so one round of chmod is enough.
      expect(output).toContain(`chmod 600 ${join(dataDir, 'declarant.sqlite')}`);
      expect(output).toContain(`chmod 600 ${join(dataDir, 'partner.sqlite')}`);
      expect(output).not.toContain('est prêt');
      // Nothing was changed behind the person's back.
      expect(statSync(dataDir).mode & 0o777).toBe(0o755);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
