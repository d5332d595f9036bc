import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { errorStatus, type ErrorCode } from '@passerelle/contracts';
import { ExitCode, exitCodeOfApiError } from './exit-codes';
import { runCli } from './main';
import { memoryIo } from './testing/memory-io';

/** A TCP port nobody listens on (bound then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('exit codes', () => {
  it('maps server refusals: 3 for authentication and signature, 2 for input, 4 for the partner, 1 otherwise', () => {
    const expected: Partial<Record<ErrorCode, ExitCode>> = {
      INVALID_CREDENTIALS: 3,
      SESSION_EXPIRED: 3,
      ACCOUNT_INACTIVE: 3,
      RATE_LIMITED: 3,
      CLIENT_SPACE_NOT_CONNECTED: 3,
      WRONG_SIGNATURE_PASSWORD: 3,
      SIGNATURE_LOCKED: 3,
      SIGNATURE_REVOKED: 3,
      SIGNATURE_EXPIRED: 3,
      VALIDATION_ERROR: 2,
      NOT_FOUND: 2,
      DECLARATION_NOT_READY: 2,
      TEST_MODE_MISMATCH: 2,
      FIRM_SIRET_MISSING: 2,
      PARTNER_UNAVAILABLE: 4,
      INTERNAL: 1,
    };
    for (const [code, exit] of Object.entries(expected))
      expect([code, exitCodeOfApiError(code as ErrorCode)]).toEqual([code, exit]);
    // Every code of the closed list has an exit code among the documented ones.
    for (const code of Object.keys(errorStatus) as ErrorCode[])
      expect([0, 1, 2, 3, 4]).toContain(exitCodeOfApiError(code));
  });

  it('exits 0 with the help, 2 on a usage error, without any stack trace', async () => {
    const help = memoryIo();
    expect(await runCli(['send', '--help'], help.io)).toBe(ExitCode.ok);
    expect(help.stdout()).toContain('passerelle send --dossier <SIREN ou id>');

    const wrong = memoryIo();
    expect(await runCli(['send', '--dossier', 'x', '--id', 'y'], wrong.io)).toBe(ExitCode.usage);
    expect(wrong.stderr()).toBe('Erreur : Identifiant de déclaration invalide : « y ».\n');
    expect(wrong.stdout()).toBe('');
  });

  it('exits 4 when the server is unreachable, before asking for any password', async () => {
    const port = await closedPort();
    const { io, stderr } = memoryIo({ PASSERELLE_URL: `http://127.0.0.1:${port}` });
    expect(await runCli(['status'], io)).toBe(ExitCode.unreachable);
    expect(stderr()).toBe(
      `Erreur : Serveur Passerelle injoignable à http://127.0.0.1:${port} : connexion refusée (le serveur est-il démarré ?). Vérifiez --server ou PASSERELLE_URL.\n`,
    );
    expect(stderr()).not.toMatch(/\bat \S+ \(/);
  });
});
