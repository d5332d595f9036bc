// Issue #7's "Measure": N declarations sent end to end (sign → deliver → receipt verified) by
// the real declarant and partner processes over real HTTP, on SQLite (PostgreSQL with
// `--postgres`); then, against the same partner, the baseline a firm could script: `openssl cms
// -sign` and `curl` in a bash loop. Everything is seeded through the HTTP APIs, unmeasured.
// A second Passerelle pass on fresh servers uses DELIVERY_CONCURRENCY=16 (skip: `--single`).
// Figures are printed, never asserted; the exit code is non-zero if anything was not delivered.
// Run: npx tsx bench/send-batch.ts [count] [--single] [--postgres]
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverDatabases } from '../e2e/support/postgres-database';
import {
  downloadInterchanges,
  exportSignaturePem,
  runBaseline,
  type BaselineResult,
} from './support/openssl-baseline';
import { partnerAccessToken } from '../e2e/support/steps/client-account';
import { runPasserelle, type PasserelleResult } from './support/passerelle-run';
import { cpuSeconds, peakRssMib, resetPeakRss } from './support/process-stats';
import { PORTAL, SIGNATURE_PASSWORD, startSendWorld, type SendWorld } from './support/send-world';
import { summarizeServerWarnings } from './support/server-warnings';

const count = Number(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 1000);
const dialect = process.argv.includes('--postgres') ? 'postgres' : 'sqlite';
/** DELIVERY_CONCURRENCY of each Passerelle pass (undefined: the server's default, 4). */
const passes: (string | undefined)[] = process.argv.includes('--single')
  ? [undefined]
  : [undefined, '16'];
/**
 * Declarations of a first, unmeasured batch: the servers load their modules (through tsx) and
 * warm up on it, so neither Passerelle nor the baseline that follows pays for a cold start.
 */
const WARM_UP = 4;
/** The simulated DGFiP answers at once: the measure ends at the receipt, before its answer. */
const PARTNER_ENV = { DGFIP_DELAY_MS: '0' };

const log = (message: string) => console.error(`[send-batch] ${message}`);

interface Row {
  name: string;
  signingSeconds?: number;
  totalSeconds: number;
  perDeclarationMs: number[];
  rss: { declarant?: number; partner: number };
  /** CPU seconds spent during the measured run by the sender (declarant or bash loop) and partner. */
  cpu: { sender: number; partner: number };
  note: string;
}

/** Nearest-rank percentile of `values` (milliseconds). */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Starts a fresh world, runs the Passerelle pass, and the baseline too when asked. */
async function pass(concurrency: string | undefined, withBaseline: boolean): Promise<Row[]> {
  const databases = await serverDatabases(dialect);
  const declarantEnv = {
    ...databases.declarantEnv,
    ...(concurrency === undefined ? {} : { DELIVERY_CONCURRENCY: concurrency }),
  };
  log(
    `starting the servers and seeding ${count} declarations (DELIVERY_CONCURRENCY=${concurrency ?? 'default'})…`,
  );
  let world: SendWorld | undefined;
  const workDir = mkdtempSync(join(tmpdir(), 'passerelle-bench-send-'));
  try {
    world = await startSendWorld({
      count: WARM_UP + count,
      declarantEnv,
      partnerEnv: { ...PARTNER_ENV, ...databases.partnerEnv },
    });
    const { pids } = world;
    const warmUp = world.declarationIds.slice(0, WARM_UP);
    const measured = world.declarationIds.slice(WARM_UP);
    const warmed = await runPasserelle(world, warmUp, SIGNATURE_PASSWORD);
    if (warmed.failures.length > 0) throw new Error(`warm-up:\n${warmed.failures.join('\n')}`);
    const lifetime = { declarant: peakRssMib(pids.declarant), partner: peakRssMib(pids.partner) };
    const resetWorked = resetPeakRss(pids.declarant) && resetPeakRss(pids.partner);
    log(`seeded and warmed up; server PIDs: declarant ${pids.declarant}, partner ${pids.partner}`);

    log('measuring Passerelle: POST /api/sendings, then every receipt…');
    const cpuBefore = { sender: cpuSeconds(pids.declarant), partner: cpuSeconds(pids.partner) };
    let rss = { declarant: 0, partner: 0 };
    let cpu = { sender: 0, partner: 0 };
    const sent: PasserelleResult = await runPasserelle(world, measured, SIGNATURE_PASSWORD, () => {
      rss = { declarant: peakRssMib(pids.declarant), partner: peakRssMib(pids.partner) };
      cpu = {
        sender: cpuSeconds(pids.declarant) - cpuBefore.sender,
        partner: cpuSeconds(pids.partner) - cpuBefore.partner,
      };
    });
    if (sent.failures.length > 0) throw new Error(`not transmitted:\n${sent.failures.join('\n')}`);
    const rows: Row[] = [
      {
        name: `Passerelle, DELIVERY_CONCURRENCY=${concurrency ?? '4 (default)'}`,
        signingSeconds: sent.signingSeconds,
        totalSeconds: sent.totalSeconds,
        perDeclarationMs: sent.perDeclarationMs,
        rss,
        cpu,
        note:
          `delivery alone ${sent.deliverySeconds.toFixed(2)} s; ${sent.retried} retried; ` +
          (resetWorked
            ? `RSS = peak during the run (before it, seeding peaked at declarant ` +
              `${lifetime.declarant.toFixed(0)} MiB, partner ${lifetime.partner.toFixed(0)} MiB)`
            : 'RSS = peak since start (the kernel refused a reset)'),
      },
    ];
    if (!withBaseline) return rows;

    const settled = await sent.settle();
    log(
      settled === undefined
        ? 'the DGFiP answers did not all come back in time; the baseline runs anyway'
        : `all DGFiP answers in ${settled.toFixed(1)} s more; preparing the baseline…`,
    );
    await exportSignaturePem(world.api, world.signatureId, SIGNATURE_PASSWORD, workDir);
    await downloadInterchanges(world.api, measured, workDir);
    const token = await partnerAccessToken(world.partner.partnerUrl, PORTAL);
    resetPeakRss(pids.partner);
    const partnerCpuBefore = cpuSeconds(pids.partner);
    log('measuring the baseline: openssl cms -sign + curl, one declaration at a time…');
    const baseline: BaselineResult = await runBaseline(
      workDir,
      count,
      world.partner.partnerUrl,
      token,
    );
    if (baseline.failures.length > 0)
      throw new Error(`baseline deposits not accepted:\n${baseline.failures.join('\n')}`);
    rows.push({
      name: 'baseline: openssl cms -sign + curl (bash loop)',
      totalSeconds: baseline.seconds,
      perDeclarationMs: baseline.perDeclarationMs,
      rss: { partner: peakRssMib(pids.partner) },
      cpu: { sender: baseline.cpuSeconds, partner: cpuSeconds(pids.partner) - partnerCpuBefore },
      note: 'per declaration = sign + POST, sequential',
    });
    return rows;
  } finally {
    // The partner's output is not kept by e2e's startPartnerWithInbox: the declarant's only.
    for (const entry of summarizeServerWarnings(world?.declarant.output() ?? ''))
      warnings.push(`declarant (DELIVERY_CONCURRENCY=${concurrency ?? 'default'}): ${entry}`);
    await world?.stop();
    await databases.drop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

const rows: Row[] = [];
/** Warnings and errors the servers logged, per pass. */
const warnings: string[] = [];
try {
  for (const [index, concurrency] of passes.entries()) {
    rows.push(...(await pass(concurrency, index === 0)));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}

const fixed = (value: number | undefined, digits: number) =>
  value === undefined ? '—' : value.toFixed(digits);
console.log(
  `send-batch bench — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}, ` +
    `${dialect}, N = ${count}; partner DGFIP_DELAY_MS=0; other settings default ` +
    `(DELIVERY_INTERVAL_MS=1000, DELIVERY_MAX_ATTEMPTS=10, PARTNER_TIMEOUT_MS=5000, STATUS_POLL_INTERVAL_MS=5000)`,
);
const head = [
  'run',
  'signing s',
  'total s',
  'decl/s',
  'p50 ms',
  'p99 ms',
  'RSS decl MiB',
  'RSS partner MiB',
  'CPU sender ms/decl',
  'CPU partner ms/decl',
];
const table = rows.map((row) => [
  row.name,
  fixed(row.signingSeconds, 2),
  fixed(row.totalSeconds, 2),
  fixed(count / row.totalSeconds, 1),
  fixed(percentile(row.perDeclarationMs, 50), 0),
  fixed(percentile(row.perDeclarationMs, 99), 0),
  fixed(row.rss.declarant, 0),
  fixed(row.rss.partner, 0),
  fixed((row.cpu.sender * 1000) / count, 1),
  fixed((row.cpu.partner * 1000) / count, 1),
]);
const widths = head.map((title, column) =>
  Math.max(title.length, ...table.map((cells) => (cells[column] ?? '').length)),
);
const line = (cells: string[]) =>
  cells
    .map((cell, column) =>
      column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
    )
    .join('  ');
console.log(line(head));
for (const cells of table) console.log(line(cells));
for (const row of rows) console.log(`  ${row.name}: ${row.note}`);
console.log(
  '  total = request start → last verified receipt; p50/p99 per declaration = its queued → ' +
    'transmitted events (includes waiting behind the batch); signing = the POST /api/sendings request.',
);
console.log(
  '  CPU = user + system time over the measured run: sender = the declarant process (Passerelle) ' +
    'or bash + openssl + curl (baseline); partner = the partner process (intake and its simulated ' +
    'DGFiP, which answers each deposit at once).',
);
for (const warning of warnings) console.log(`server log: ${warning}`);
const baseline = rows.find((row) => row.name.startsWith('baseline'));
for (const row of rows.filter((r) => r !== baseline)) {
  if (baseline === undefined) break;
  const ratio = baseline.totalSeconds / row.totalSeconds;
  console.log(`ratio ${row.name} / baseline (declarations/s): ${ratio.toFixed(2)}`);
}
