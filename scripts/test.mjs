// `npm test`: the same set-up as `npm start` (dependencies, web UI build for the end-to-end tests),
// Chromium, PostgreSQL under CI, then every Vitest project. Extra arguments go to Vitest
// (`npm test -- --project unit`). The last line is `tests: N passed, N failed[, N skipped]`.
// Node built-ins only at the top level: node_modules may not exist yet.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runMain, SetupError } from './lib/process.mjs';
import { ensureRuntime } from './lib/runtime.mjs';
import { ensureDependencies, ensureWebBuild } from './lib/setup.mjs';
import { ensureChromium, ensurePdftotext, ensurePostgres } from './lib/test-prerequisites.mjs';
import { readCounts, summaryLine } from './lib/vitest-summary.mjs';

// Node.js 24 (issue #14): re-runs this script under the pinned Node 24 when this one is older.
await ensureRuntime();

const resultsDir = join(repoRoot, 'test-results');
const jsonReport = join(resultsDir, 'vitest.json');

/**
 * Runs `vitest run` with the default and JSON reporters; resolves to its exit code.
 * @param {string[]} extraArgs
 * @returns {Promise<number>}
 */
function runVitest(extraArgs) {
  const vitest = join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
  if (!existsSync(vitest)) throw new SetupError(`Vitest est introuvable (${vitest}).`);
  const args = [
    vitest,
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${jsonReport}`,
    ...extraArgs,
  ];
  return new Promise((resolve) => {
    // Own process group: the terminal's Ctrl-C (which npm forwards again) reaches only this
    // script, which passes it on once, so Vitest stops cleanly and the summary still prints.
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: process.platform !== 'win32',
    });
    let forwarded = false;
    /** @param {NodeJS.Signals} signal */
    const forward = (signal) => {
      if (forwarded || child.pid === undefined) return;
      forwarded = true;
      try {
        process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
      } catch {
        child.kill(signal);
      }
    };
    const signals = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);
    for (const signal of signals) process.on(signal, forward);
    const killOnExit = () => child.kill('SIGTERM');
    process.on('exit', killOnExit);
    child.on('error', (error) => {
      console.error(`Impossible de lancer Vitest : ${error.message}`);
    });
    child.on('close', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      process.off('exit', killOnExit);
      resolve(signal ? 1 : (code ?? 1));
    });
  });
}

runMain(async () => {
  await ensureDependencies();
  await ensureWebBuild();
  await ensureChromium();
  await ensurePdftotext();
  if (process.env.CI === 'true') await ensurePostgres();

  mkdirSync(resultsDir, { recursive: true });
  rmSync(jsonReport, { force: true });
  const vitestCode = await runVitest(process.argv.slice(2));

  const counts = readCounts(jsonReport);
  if (!counts) {
    console.error(
      `\nVitest n’a pas écrit son rapport (${jsonReport}) ; code de sortie ${vitestCode}.`,
    );
    return vitestCode || 1;
  }
  let code = vitestCode;
  console.log('');
  for (const file of counts.brokenFiles) console.log(`Fichier de test en échec : ${file}`);
  if (counts.passed + counts.failed === 0) {
    console.log('Aucun test n’a été exécuté.');
    code ||= 1;
  } else if (code !== 0 && counts.failed === 0) {
    console.log(`Vitest a signalé une erreur hors des tests (code ${code}) : voir plus haut.`);
  }
  if (code === 0 && counts.failed > 0) code = 1;
  console.log(summaryLine(counts));
  return code;
});
