// Test support: runs the real `openssl` command line in a throw-away folder, so that every
// structure this package produces is also checked by an implementation other than its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one `openssl` run gave back; `output` is stdout then stderr. */
export interface OpensslResult {
  status: number | null;
  stdout: string;
  output: string;
}

/** A temporary folder where tests write PEM files and run `openssl` on them. */
export interface OpensslFolder {
  readonly dir: string;
  write(name: string, content: string | Uint8Array): string;
  read(name: string): string;
  run(args: readonly string[]): OpensslResult;
  /** Runs `openssl`, throwing with its output when it exits with a non-zero status. */
  ok(args: readonly string[]): string;
  remove(): void;
}

/** Creates a folder under the OS temp dir; call `remove()` in afterAll/afterEach. */
export function createOpensslFolder(): OpensslFolder {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-pki-'));
  const run = (args: readonly string[]): OpensslResult => {
    const result = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    if (result.error) throw result.error;
    return {
      status: result.status,
      stdout: result.stdout,
      output: `${result.stdout}${result.stderr}`,
    };
  };
  return {
    dir,
    write: (name, content) => {
      writeFileSync(join(dir, name), content);
      return name;
    },
    read: (name) => readFileSync(join(dir, name), 'utf8'),
    run,
    ok: (args) => {
      const result = run(args);
      if (result.status !== 0) {
        throw new Error(`openssl ${args.join(' ')} exited ${result.status}:\n${result.output}`);
      }
      return result.output;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The `-attime` argument (seconds since the epoch) for a fixed test date. */
export function attime(date: Date): string {
  return String(Math.floor(date.getTime() / 1000));
}
