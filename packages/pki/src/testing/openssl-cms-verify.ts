// Test support: `openssl cms -verify` as the referee of the differential tests, configured to
// judge what verifyCms judges with the partner's options:
//   -inform DER -binary          the deposit as posted, content taken as bytes
//   -CAfile ca.pem -no-CApath -no-CAstore
//                                the same single trust anchor (without the last two, openssl
//                                would also trust the system's CA folder)
//   -purpose smimesign           a person's signing certificate (key usage, emailProtection)
//   -cades                       also check ESS signingCertificate(V2) against the chain, as we do
//   -attime <signingTime>        validity judged at the signing time, as verifyCms does by default
// Runs up to `concurrency` processes at once (each costs ~30 ms, mostly start-up).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attime } from './openssl';

/** What openssl said about one message. */
export interface OpensslVerdict {
  accepted: boolean;
  /** stdout then stderr: the reason of a refusal. */
  output: string;
}

/** A referee bound to one trust anchor; `remove()` deletes its temporary folder. */
export interface OpensslCmsVerifier {
  verify(message: Uint8Array, at: Date): Promise<OpensslVerdict>;
  /** The command line for a message file, to quote in a report. */
  commandFor(file: string, at: Date): string;
  remove(): void;
}

/** Starts a referee trusting exactly `caPem`. */
export function createOpensslCmsVerifier(caPem: string, concurrency = 2): OpensslCmsVerifier {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-cms-referee-'));
  writeFileSync(join(dir, 'ca.pem'), caPem);
  const args = (file: string, at: Date) => [
    'cms',
    '-verify',
    '-inform',
    'DER',
    '-binary',
    '-in',
    file,
    '-CAfile',
    'ca.pem',
    '-no-CApath',
    '-no-CAstore',
    '-purpose',
    'smimesign',
    '-cades',
    '-attime',
    attime(at),
    '-out',
    '/dev/null',
  ];
  let running = 0;
  let counter = 0;
  const waiting: (() => void)[] = [];

  const run = (message: Uint8Array, at: Date) =>
    new Promise<OpensslVerdict>((resolve, reject) => {
      const file = `m${(counter += 1)}.p7m`;
      writeFileSync(join(dir, file), message);
      const child = spawn('openssl', args(file, at), { cwd: dir });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.on('error', reject);
      child.on('close', (status) => {
        unlinkSync(join(dir, file));
        resolve({ accepted: status === 0, output: Buffer.concat(chunks).toString('utf8') });
      });
    });

  return {
    async verify(message, at) {
      // A finishing run hands its slot straight to the next waiter.
      if (running >= concurrency) await new Promise<void>((go) => waiting.push(go));
      else running += 1;
      try {
        return await run(message, at);
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running -= 1;
      }
    },
    commandFor: (file, at) => `openssl ${args(file, at).join(' ')}`,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
