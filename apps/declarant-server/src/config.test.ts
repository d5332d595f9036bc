import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@passerelle/server-kit';
import { readDeclarantConfig } from './config';

describe('declarant configuration', () => {
  it('has working defaults for the embedded start', () => {
    const config = readDeclarantConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      allowedHosts: [],
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 12 * 3_600_000,
      secureCookies: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      readDeclarantConfig({
        PORT: 'abc',
        PUBLIC_URL: 'ftp://x',
        SESSION_IDLE_MINUTES: '0',
        TRUST_PROXY: 'maybe',
        ALLOWED_HOSTS: 'https://passerelle.cabinet.fr',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'PORT',
      'PUBLIC_URL',
      'SESSION_IDLE_MINUTES',
      'TRUST_PROXY',
      'ALLOWED_HOSTS',
    ]) {
      expect(problems).toContain(name);
    }
  });

  it('reads NAME_FILE for secrets and refuses both forms at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-config-'));
    const file = join(dir, 'db-url');
    writeFileSync(file, 'postgres://user:pw@db.example/passerelle\n');
    expect(readDeclarantConfig({ DATABASE_URL_FILE: file }).databaseUrl).toBe(
      'postgres://user:pw@db.example/passerelle',
    );
    expect(() => readDeclarantConfig({ DATABASE_URL_FILE: file, DATABASE_URL: 'x' })).toThrow(
      /DATABASE_URL_FILE/,
    );
    expect(() => readDeclarantConfig({ DATABASE_URL_FILE: join(dir, 'missing') })).toThrow(
      /ENOENT/,
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it('marks cookies Secure when the public URL is https', () => {
    expect(readDeclarantConfig({ PUBLIC_URL: 'https://passerelle.cabinet.fr/' })).toMatchObject({
      publicUrl: 'https://passerelle.cabinet.fr',
      secureCookies: true,
    });
  });
});
