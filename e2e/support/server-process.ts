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
  /** The server's own PID (node itself, not a wrapper): what `kill -9` hits. */
  pid: number;
  output(): string;
  stop(): Promise<void>;
  /** `kill -9`: no shutdown hook runs; the data folder is kept for a restart. */
  kill(): Promise<void>;
}

/** Options of {@link startServerProcess}. */
export interface ServerProcessOptions {
  /** Reuse this data folder (a restart); it is then not removed by `stop()`. */
  dataDir?: string;
}

/** Runs `node --import tsx <entry>` with `env` and a fresh DATA_DIR; resolves once `ready` shows. */
export async function startServerProcess(
  entry: string,
  env: Record<string, string>,
  ready: RegExp,
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'passerelle-e2e-'));
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
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(name);
      await exited;
    }
  };
  return {
    match,
    dataDir,
    pid: child.pid ?? 0,
    output: () => output,
    stop: async () => {
      await signal('SIGTERM');
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    kill: () => signal('SIGKILL'),
  };
}
