// Measures what an attacker could time at sign-in: a wrong password for a real account against
// an unknown email (both must cost one Argon2id verification), and a successful sign-in.
// Run: npx tsx bench/sign-in-timing.ts [rounds]
import { performance } from 'node:perf_hooks';
import { ADMIN, STRONG_PASSWORD, startTestApp } from '@passerelle/declarant-server/testing';

const rounds = Number(process.argv[2] ?? 40);
const t = await startTestApp('sqlite', {
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '100',
  SIGN_IN_MAX_ATTEMPTS_PER_IP: '10000',
});
await t.setupAdmin();

async function time(
  body: { email: string; password: string },
  expected: number,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now();
    const response = await t.call('POST', '/api/session', { body });
    samples.push(performance.now() - start);
    if (response.statusCode !== expected) throw new Error(`unexpected ${response.statusCode}`);
    if (i % 9 === 8) t.clock.advance(16 * 60_000); // stay under the per-account window
  }
  return samples.sort((a, b) => a - b);
}

/** The q-quantile of sorted samples. */
const quantile = (s: number[], q: number) => s[Math.floor(s.length * q)] ?? Number.NaN;
const stats = (s: number[]) =>
  `median ${quantile(s, 0.5).toFixed(1)} ms, p10 ${quantile(s, 0.1).toFixed(1)} ms, p90 ${quantile(s, 0.9).toFixed(1)} ms`;

const wrong = await time({ email: ADMIN.email, password: 'pas le bon mot de passe' }, 401);
const unknown = await time(
  { email: 'inconnu@cabinet-test.fr', password: 'pas le bon mot de passe' },
  401,
);
const ok = await time({ email: ADMIN.email, password: STRONG_PASSWORD }, 200);
console.log(`sign-in, ${rounds} rounds each (SQLite, in-process inject, Argon2id m=64MiB t=3 p=1)`);
console.log(`  wrong password : ${stats(wrong)}`);
console.log(`  unknown email  : ${stats(unknown)}`);
console.log(`  success        : ${stats(ok)}`);
const ratio = quantile(unknown, 0.5) / quantile(wrong, 0.5);
console.log(`  unknown / wrong median ratio: ${ratio.toFixed(2)}`);
await t.close();
