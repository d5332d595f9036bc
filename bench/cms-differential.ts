// The full differential run of verifyCms against `openssl cms -verify` (issue #12): `count`
// seeded mutations (bytes, structure, re-signed attributes) of the fixed valid deposits in
// packages/pki/test-data/cms-differential/, each judged by verifyCms with the partner's options
// and by openssl (same CA, same time, -cades -purpose smimesign; two processes at a time). Prints
// per family and per base how many each accepted, the property — accepted by ours and refused by
// openssl, which must be 0 — and, for information, what openssl accepts that we refuse.
// `--accepted-only` asks openssl only about what we accept (the property alone, much faster).
// Run: npx tsx bench/cms-differential.ts [count] [--seed n] [--accepted-only]
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  createDifferentialWorld,
  runCmsDifferential,
  type DifferentialCounts,
  type DifferentialFinding,
} from '@passerelle/pki/testing/differential';

const args = process.argv.slice(2);
const count = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 10_000);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 12;
const judgeRefusals = !args.includes('--accepted-only');

function row(name: string, c: DifferentialCounts): string {
  const openssl = `${c.opensslAccepted}/${c.opensslJudged}`;
  return `  ${name.padEnd(40)} ${String(c.mutations).padStart(6)} ${String(c.oursAccepted).padStart(14)} ${openssl.padStart(18)}`;
}

/** The first OpenSSL error reason of a refusal ("unknown digest algorithm"…). */
function reason(output: string): string {
  const line = output.split('\n').find((text) => text.includes(':error:'));
  return line?.split(':').slice(5, 6).join(':') || output.split('\n')[0] || '';
}

function list(title: string, findings: readonly DifferentialFinding[], limit: number): void {
  console.log(`${title}: ${findings.length}`);
  for (const f of findings.slice(0, limit)) {
    const why = f.ours === 'accepted' ? `openssl: ${reason(f.openssl)}` : `ours: ${f.ours}`;
    console.log(`  #${f.index} ${f.base} — ${f.family}/${f.region}: ${f.what} (${why})`);
  }
  if (findings.length > limit) console.log(`  … and ${findings.length - limit} more`);
}

const openssl = execFileSync('openssl', ['version'], { encoding: 'utf8' }).trim();
console.log(
  `CMS differential — Node ${process.version} (${process.versions.openssl}), ${openssl}, ` +
    `${count} mutations, seed ${seed}, openssl asked about ${judgeRefusals ? 'every mutation' : 'our acceptances only'}; ` +
    `load ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
);
const world = createDifferentialWorld(2);
const start = performance.now();
try {
  const report = await runCmsDifferential(world, { mutations: count, seed, judgeRefusals });
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `  ${''.padEnd(40)} ${'mutated'.padStart(6)} ${'ours accepted'.padStart(14)} ${'openssl accepted'.padStart(18)}`,
  );
  for (const [family, counts] of Object.entries(report.byFamily)) console.log(row(family, counts));
  for (const [base, counts] of Object.entries(report.byBase)) console.log(row(base, counts));
  console.log(`  verifyCms answers: ${JSON.stringify(report.ourAnswers)}`);
  const accepted = report.ourAnswers.accepted ?? 0;
  console.log(
    `Accepted by ours and refused by openssl: ${report.acceptedByOursOnly.length} of ${count} ` +
      `(ours accepted ${accepted}) — must be 0`,
  );
  list('Accepted by ours, refused by openssl', report.acceptedByOursOnly, 40);
  if (judgeRefusals) {
    const only = report.acceptedByOpensslOnly;
    list('For information, accepted by openssl, refused by ours', only, 10);
    // Where we are stricter, by kind of mutation and our refusal.
    const kinds = new Map<string, number>();
    for (const f of only) {
      const kind = `${f.family}/${f.region}: ${f.what.replace(/0x[0-9a-f]+|\b[0-9a-f]*\d[0-9a-f]*\b/g, 'n')} → ${f.ours}`;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
      console.log(`  ${String(n).padStart(5)}  ${kind}`);
    }
  }
  console.log(`${seconds.toFixed(1)} s (${((count / seconds) | 0).toString()} mutations/s)`);
  process.exitCode = report.acceptedByOursOnly.length === 0 ? 0 : 1;
} finally {
  world.close();
}
