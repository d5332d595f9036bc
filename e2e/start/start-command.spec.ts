import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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
    const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-start-'));
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
      expect(output).toContain(`Passerelle (déclarant) est prêt : http://localhost:${port}`);
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
    } finally {
      child.kill('SIGINT');
      const code = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      expect(code).toBe(0);
    }
  });
});
