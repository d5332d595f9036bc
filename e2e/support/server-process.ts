import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

/** A server of the repository started as a real process, as the start command does. */
export interface ServerProcess {
  /** The first match of `ready` in its output. */
  match: RegExpExecArray;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

/** Runs `node --import tsx <entry>` with `env` and a fresh DATA_DIR; resolves once `ready` shows. */
export async function startServerProcess(
  entry: string,
  env: Record<string, string>,
  ready: RegExp,
): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, entry)], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const match = await new Promise<RegExpExecArray>((resolveMatch, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start:\n${output}`)), 60_000);
    child.stdout.on('data', () => {
      const found = ready.exec(output);
      if (found) {
        clearTimeout(timer);
        resolveMatch(found);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}:\n${output}`));
    });
  });
  return {
    match,
    dataDir,
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
