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
