import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
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
  it('starts the declarant, the partner and the inbox on SQLite in DATA_DIR, prints a summary with the URLs and the setup link, keeps the JSON logs in files, stops on Ctrl-C', async () => {
    // A data folder that does not exist yet, as on a fresh clone: the start creates it.
    const parent = mkdtempSync(join(tmpdir(), 'passerelle-start-'));
    const dataDir = join(parent, 'var');
    // The default level: the servers log every request, none of it on the terminal.
    const run = await spawnStart(dataDir, 'info');
    const { child, port, partnerPort, inboxHttp } = run;
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const logDir = join(dataDir, 'logs');
    try {
      await new Promise<void>((ready, fail) => {
        const timer = setTimeout(() => fail(new Error(`no summary:\n${run.output}`)), 100_000);
        child.stdout.on('data', () => {
          if (/PREMIÈRE CONFIGURATION[\s\S]*╝/.test(run.output)) {
            clearTimeout(timer);
            ready();
          }
        });
        void exited.then((code) => fail(new Error(`start exited (${code}):\n${run.output}`)));
      });
      // The summary: the three addresses, where the logs are, how to stop, and the setup link
      // alone on its line inside the double frame.
      expect(run.output).toContain('Passerelle est prêt');
      expect(run.output).toMatch(
        new RegExp(`Déclarant \\(l’application\\) +http://localhost:${port} `),
      );
      expect(run.output).toContain(`http://localhost:${partnerPort}/portail `);
      expect(run.output).toContain(`http://localhost:${partnerPort}/api/v1/docs `);
      expect(run.output).toMatch(new RegExp(`Boîte mail locale +http://localhost:${inboxHttp} `));
      expect(run.output).toContain(
        `Journaux (JSON) : ${logDir}/ (inbox.log, partner.log, declarant.log)`,
      );
      expect(run.output).toContain('Arrêter : Ctrl-C');
      const link = new RegExp(
        `║  (http://localhost:${port}/configuration#jeton=[\\w-]{43}) +║`,
      ).exec(run.output);
      expect(link, run.output).not.toBeNull();

      const page = await fetch(`http://127.0.0.1:${port}/configuration`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html lang="fr"');
      const setup = await fetch(`http://127.0.0.1:${port}/api/setup`);
      expect(await setup.json()).toEqual({ needed: true });
      expect(existsSync(join(dataDir, 'declarant.sqlite'))).toBe(true);
      // The reference partner and the local inbox run beside it.
      expect(run.output).toContain(`http://localhost:${partnerPort}/portail`);
      expect((await fetch(`http://127.0.0.1:${partnerPort}/api/health`)).status).toBe(200);
      expect(await (await fetch(`http://127.0.0.1:${inboxHttp}/api/messages`)).json()).toEqual({
        messages: [],
      });
      expect(existsSync(join(dataDir, 'partner.sqlite'))).toBe(true);
      // Data at rest: only this account can enter the folder or read its files (databases,
      // their -wal/-shm, the master keys, the logs).
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      const files = readdirSync(dataDir).filter((name) => name !== 'logs');
      expect(files).toEqual(expect.arrayContaining(['declarant.sqlite-wal', 'partner-master.key']));
      for (const name of files)
        expect(statSync(join(dataDir, name)).mode & 0o777, name).toBe(0o600);
      expect(statSync(logDir).mode & 0o777).toBe(0o700);
      expect(readdirSync(logDir).sort()).toEqual(['declarant.log', 'inbox.log', 'partner.log']);

      // The JSON logs went to the files, not to the terminal: each line of each file is one
      // JSON object (the banners wrapped too), the requests above are there, the token is not.
      // A request's log line is written just after its answer: wait for each.
      const logOf = (name: string) => readFileSync(join(logDir, name), 'utf8');
      await waitFor(() => logOf('declarant.log').includes('"url":"/api/setup"'));
      await waitFor(() => logOf('partner.log').includes('"url":"/api/health"'));
      for (const name of readdirSync(logDir)) {
        const file = join(logDir, name);
        expect(statSync(file).mode & 0o777, name).toBe(0o600);
        const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
        for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
      }
      const declarantLog = logOf('declarant.log');
      expect(declarantLog).toContain('configuration#jeton=[secret]');
      expect(declarantLog).not.toContain(link?.[1]);
      expect(run.output.split('\n').filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
    } finally {
      child.kill('SIGINT');
      const code = await exited;
      rmSync(parent, { recursive: true, force: true });
      expect(code).toBe(0);
    }
  });

  it('refuses to start on a data folder an earlier version left readable by others, naming the chmod to run', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'passerelle-start-'));
    const dataDir = join(parent, 'var');
    // drwxr-xr-x and -rw-r--r--: what `npm start` created before the permissions were fixed.
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    for (const name of ['declarant.sqlite', 'partner.sqlite']) {
      writeFileSync(join(dataDir, name), '');
      chmodSync(join(dataDir, name), 0o644);
    }
    const run = await spawnStart(dataDir, 'warn');
    const { child } = run;
    // Should a server start anyway, stop everything so that the test fails at once.
    child.stdout.on('data', () => {
      if (/est prêt/.test(run.output)) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    try {
      expect(code, run.output).not.toBe(0);
      // The failing server's own lines reach the terminal, with the path of its whole log.
      expect(run.output).toContain('Ses dernières lignes :');
      expect(run.output).toMatch(
        new RegExp(`Journal complet : ${dataDir}/logs/(declarant|partner)\\.log`),
      );
      expect(run.output).toContain('ne peut pas démarrer');
      expect(run.output).toContain(`chmod 700 ${dataDir}`);
      // Either server lists the whole folder's problems, so one round of chmod is enough.
      expect(run.output).toContain(`chmod 600 ${join(dataDir, 'declarant.sqlite')}`);
      expect(run.output).toContain(`chmod 600 ${join(dataDir, 'partner.sqlite')}`);
      expect(run.output).not.toContain('est prêt');
      // Nothing was changed behind the person's back.
      expect(statSync(dataDir).mode & 0o777).toBe(0o755);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

/** Polls `check` every 50 ms for up to 5 s (a log line is written just after its answer). */
async function waitFor(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 50) {
    if (waited > 5000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `npm start` (scripts/start.mjs) on four free ports with `dataDir`; `output` grows as it prints. */
async function spawnStart(dataDir: string, logLevel: string) {
  const [port, partnerPort, inboxHttp, inboxSmtp] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: logLevel,
      PARTNER_PORT: String(partnerPort),
      INBOX_HTTP_PORT: String(inboxHttp),
      INBOX_SMTP_PORT: String(inboxSmtp),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run = { child, port, partnerPort, inboxHttp, output: '' };
  child.stdout.on('data', (chunk: Buffer) => (run.output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (run.output += chunk.toString()));
  return run;
}
