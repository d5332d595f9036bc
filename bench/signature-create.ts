// Issue #5's "Measure": the time to create a signature, split into key pair + CSR generation,
// Argon2id wrapping and the partner round trip, against the whole `POST /api/me/signatures`;
// and the time to unlock one (right and wrong password) and to export it as PKCS#12. The real
// partner listens on 127.0.0.1 (real HTTP, its emails going to a real SMTP inbox) and the
// declarant app is driven by `inject`, both on scratch databases of one dialect (SQLite unless
// `--postgres` or BENCH_DIALECT=postgres). Prints median, p95 (nearest rank), min and max of
// each over `runs` runs, after one warm-up run.
// Run: npx tsx bench/signature-create.ts [runs] [--postgres]
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { exportPkcs8, generateKeyPairAndCsr, wrapPrivateKey } from '@passerelle/pki';
import { AppError } from '@passerelle/server-kit';
import {
  COLLABORATOR,
  SIGNATURE_PASSWORD,
  startSignatureWorld,
  unlockSignature,
  wrappedKeyContext,
} from '@passerelle/declarant-server/testing';

const runsArgument = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
const runs = Number(runsArgument ?? 20);
const dialect =
  process.argv.includes('--postgres') || process.env.BENCH_DIALECT === 'postgres'
    ? 'postgres'
    : 'sqlite';
/** The PKCS#12 file's own password (the export asks for a new one). */
const EXPORT_PASSWORD = 'girafe tambour horizon lanterne';
const holder = { firstName: 'Bruno', lastName: 'Martin', email: COLLABORATOR };

interface Stats {
  median: number;
  p95: number;
  min: number;
  max: number;
}

/**
 * Milliseconds of each of `runs` calls of `operation`, after one warm-up call. `operation` gets
 * a `timed` wrapper: when it uses it, only the wrapped part is measured (set-up outside it, such
 * as building a CSR, is not); otherwise the whole call is.
 */
async function measure(
  operation: (timed: <T>(part: () => Promise<T>) => Promise<T>) => Promise<unknown>,
): Promise<Stats> {
  const times: number[] = [];
  for (let run = 0; run <= runs; run += 1) {
    let spent: number | undefined;
    const timed = async <T>(part: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      try {
        return await part();
      } finally {
        spent = (spent ?? 0) + performance.now() - start;
      }
    };
    const start = performance.now();
    await operation(timed);
    const whole = performance.now() - start;
    if (run > 0) times.push(spent ?? whole);
  }
  times.sort((a, b) => a - b);
  const at = (index: number) => times[index] ?? Number.NaN;
  const middle = (times.length - 1) / 2;
  return {
    median: (at(Math.floor(middle)) + at(Math.ceil(middle))) / 2,
    p95: at(Math.ceil(0.95 * times.length) - 1),
    min: at(0),
    max: at(times.length - 1),
  };
}

const world = await startSignatureWorld(dialect, { SIGNATURE_MAX_FAILURES: '100' });
const results: [string, Stats][] = [];
try {
  const { ctx } = world.t;

  const keyGeneration = await measure(async () => {
    const { privateKey } = await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' });
    (await exportPkcs8(privateKey)).fill(0);
  });
  results.push(['(a) ECDSA P-256 key pair + CSR + PKCS#8', keyGeneration]);

  const { privateKey } = await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' });
  const pkcs8 = await exportPkcs8(privateKey);
  const wrap = await measure(() =>
    wrapPrivateKey(pkcs8, SIGNATURE_PASSWORD, {
      associatedData: wrappedKeyContext(randomUUID()),
    }),
  );
  pkcs8.fill(0);
  results.push(['(b) Argon2id wrap (wrapPrivateKey)', wrap]);

  const roundTrip = await measure(async (timed) => {
    const { csrPem } = await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' });
    await ctx.partner.asUser(world.userId, (partner) =>
      timed(() =>
        partner.issueSignature({
          csrPem,
          confidentialCode: world.code,
          validityMonths: 12,
          holder,
        }),
      ),
    );
  });
  results.push(['(c) partner round trip (issueSignature)', roundTrip]);

  const whole = await measure(() => world.createSignature());
  results.push(['(d) POST /api/me/signatures (end to end)', whole]);

  const { id } = await world.createSignature();
  const unlock = (password: string) =>
    unlockSignature(ctx, { userId: world.userId, signatureId: id, password, field: 'password' });

  results.push([
    '(e) unlockSignature, right password',
    await measure(async () => (await unlock(SIGNATURE_PASSWORD)).privateKeyPkcs8.fill(0)),
  ]);

  results.push([
    '(f) unlockSignature, wrong password',
    await measure(async () => {
      const refused = await unlock('mauvais mot de passe').then(
        ({ privateKeyPkcs8 }) => privateKeyPkcs8.fill(0),
        (error: unknown) => error,
      );
      if (!(refused instanceof AppError) || refused.code !== 'WRONG_SIGNATURE_PASSWORD')
        throw new Error(`wrong password not refused as expected: ${String(refused)}`);
    }),
  ]);

  results.push([
    '(g) POST /api/signatures/:id/export (PKCS#12)',
    await measure(async () => {
      const exported = await world.t.call('POST', `/api/signatures/${id}/export`, {
        cookie: world.cookie,
        body: {
          currentPassword: SIGNATURE_PASSWORD,
          password: EXPORT_PASSWORD,
          passwordConfirmation: EXPORT_PASSWORD,
        },
      });
      if (exported.statusCode !== 200) throw new Error(`export: ${exported.body}`);
    }),
  ]);
} finally {
  await world.close();
}

const ms = (value: number) => value.toFixed(1).padStart(9);
const width = Math.max(...results.map(([name]) => name.length));
console.log(
  `signature create/unlock bench — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
    `${dialect}, ${runs} runs each after 1 warm-up`,
);
console.log(
  `${'operation'.padEnd(width)}  ${'median ms'.padStart(9)}  ${'p95 ms'.padStart(9)}  ` +
    `${'min'.padStart(9)}  ${'max'.padStart(9)}`,
);
for (const [name, { median, p95, min, max }] of results) {
  console.log(`${name.padEnd(width)}  ${ms(median)}  ${ms(p95)}  ${ms(min)}  ${ms(max)}`);
}
const median = (prefix: string) =>
  results.find(([name]) => name.startsWith(prefix))?.[1].median ?? Number.NaN;
const parts = median('(a)') + median('(b)') + median('(c)');
const end = median('(d)');
console.log(
  `sum of medians (a)+(b)+(c) = ${parts.toFixed(1)} ms vs (d) = ${end.toFixed(1)} ms ` +
    `(${(end - parts).toFixed(1)} ms elsewhere: access check, signature policy, session, ` +
    `certificate check, insert, audit)`,
);
