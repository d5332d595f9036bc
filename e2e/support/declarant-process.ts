import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { root, startServerProcess } from './server-process';

/** The real declarant server, started as the README starts it, on a fresh data folder. */
export interface DeclarantProcess {
  url: string;
  /** The one-time setup link the server printed at start. */
  setupLink: string;
  output(): string;
  stop(): Promise<void>;
}

/** Starts the declarant with its SQLite default in a temp folder; resolves once it printed its banner. */
export async function startDeclarant(env: Record<string, string> = {}): Promise<DeclarantProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startServerProcess(
    'apps/declarant-server/src/main.ts',
    {
      PORT: String(port),
      PUBLIC_URL: url,
      WEB_DIST_DIR: join(root, 'apps/declarant-web/dist'),
      ...env,
    },
    /(http:\/\/\S+\/configuration#jeton=\S+)/,
  );
  return { url, setupLink: server.match[1] ?? '', output: server.output, stop: server.stop };
}

/** A declarant that can be killed (`kill -9`) and started again on the same port and data. */
export interface RestartableDeclarant {
  url: string;
  /** The setup link printed at the first start. */
  setupLink: string;
  /** `kill -9` the server process: no shutdown hook, no flush, like a power cut. */
  kill(): Promise<void>;
  /** Starts it again (same port, data folder, database, master key). */
  restart(): Promise<void>;
  output(): string;
  stop(): Promise<void>;
}

export async function startRestartableDeclarant(
  env: Record<string, string> = {},
): Promise<RestartableDeclarant> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-declarant-'));
  const fullEnv = { PORT: String(port), PUBLIC_URL: url, ...env };
  const ready = /est prêt[^\n]*\n(?:[^\n]*\n)?\s*(http:\/\/\S+\/configuration#jeton=\S+)?/;
  let server = await startServerProcess('apps/declarant-server/src/main.ts', fullEnv, ready, {
    dataDir,
  });
  let outputs = '';
  return {
    url,
    setupLink: server.match[1] ?? '',
    kill: () => server.kill(),
    async restart() {
      outputs += server.output();
      server = await startServerProcess('apps/declarant-server/src/main.ts', fullEnv, ready, {
        dataDir,
      });
    },
    output: () => outputs + server.output(),
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
