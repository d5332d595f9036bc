import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

describe('the inbox entry point', () => {
  it('prints the banner with the ports it really listens on, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/mail-inbox/src/main.ts'], {
      cwd: root,
      env: { ...process.env, SMTP_PORT: '0', HTTP_PORT: '0', PORT: '1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', done));
    try {
      const banner = await new Promise<RegExpExecArray>((found, fail) => {
        const pattern =
          /^Boîte de réception locale\u00a0: http:\/\/localhost:(\d+) \(SMTP sur 127\.0\.0\.1:(\d+)\)$/m;
        child.stdout.on('data', () => {
          const match = pattern.exec(output);
          if (match) found(match);
        });
        void exited.then((code) => fail(new Error(`exited (${code}):\n${output}`)));
      });
      const [httpPort, smtpPort] = [Number(banner[1]), Number(banner[2])];
      expect(httpPort).toBeGreaterThan(0);
      expect(smtpPort).toBeGreaterThan(0);
      const api = await fetch(`http://127.0.0.1:${httpPort}/api/messages`);
      expect(await api.json()).toEqual({ messages: [] });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
