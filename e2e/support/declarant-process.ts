import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

const root = resolve(import.meta.dirname, '../..');

/** The real declarant server, started as the README starts it, on a fresh data folder. */
export interface DeclarantProcess {
  url: string;
  /** The one-time setup link the server printed at start. */
  setupLink: string;
  /** Everything the process wrote (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/** Starts the declarant with its SQLite default in a temp folder; resolves once it printed its banner. */
export async function startDeclarant(env: Record<string, string> = {}): Promise<DeclarantProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'apps/declarant-server/src/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        PUBLIC_URL: url,
        DATA_DIR: dataDir,
        WEB_DIST_DIR: join(root, 'apps/declarant-web/dist'),
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const setupLink = await new Promise<string>((resolveLink, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`declarant did not start:\n${output}`)),
      60_000,
    );
    const onData = () => {
      const match = /(http:\/\/\S+\/configuration#jeton=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveLink(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`declarant exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    setupLink,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
