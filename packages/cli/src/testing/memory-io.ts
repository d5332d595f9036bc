import { PassThrough } from 'node:stream';
import type { CliIo, InputStream } from '../io';

/** An in-memory CliIo for tests: captured stdout/stderr, no terminal, a clock that sleeps instantly. */
export function memoryIo(env: Record<string, string> = {}, cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  let now = 0;
  const io: CliIo = {
    stdin: new PassThrough() as PassThrough & InputStream,
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    env,
    cwd,
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
