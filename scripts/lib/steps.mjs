// A long set-up step (dependency install, web UI build) as the person sees it: one line saying
// what runs and how long it usually takes, a sign of life on a terminal, then the time it took.
// The command's own output is kept and shown only when it fails. Node built-ins only.
import { spawn } from 'node:child_process';
import { repoRoot, SetupError } from './process.mjs';

/** Lines of a failed command's output shown with the error. */
const FAILURE_LINES = 40;
/** Output kept from a command (its end), in characters. */
const KEPT_OUTPUT = 256 * 1024;
/** How often the elapsed time is shown on a terminal. */
const TICK_MS = 10_000;

/**
 * @typedef {object} StepOptions
 * @property {string} label what runs, in French ("Installation des dépendances")
 * @property {string} expected its usual duration ("≈ 1 à 3 min la première fois")
 * @property {string} [reason] why it runs now
 * @property {NodeJS.WriteStream} [out] where the step lines go (process.stdout by default)
 * @property {NodeJS.ProcessEnv} [env] the command's environment (process.env by default)
 */

/**
 * Runs `command args` in the repository root with its output captured; prints the step's line,
 * then "… fait en N s". On a terminal the elapsed seconds are appended every 10 s; elsewhere
 * (CI logs, a pipe) nothing is printed in between. Throws a `SetupError` with the command's last
 * lines when it fails.
 * @param {StepOptions} step
 * @param {string} command
 * @param {string[]} args
 */
export async function runStep(step, command, args) {
  const out = step.out ?? process.stdout;
  const tty = Boolean(out.isTTY);
  const why = step.reason ? ` ; ${step.reason}` : '';
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  out.write(`\n${step.label} (${step.expected}${why})…${tty ? '' : '\n'}`);
  const ticker = tty ? setInterval(() => out.write(` ${seconds()} s…`), TICK_MS) : undefined;
  try {
    const { code, output } = await capture(command, args, step.env ?? process.env);
    if (code !== 0) {
      out.write(tty ? ' échec.\n' : `… échec après ${seconds()} s.\n`);
      const last = output.trimEnd().split('\n').slice(-FAILURE_LINES).join('\n');
      throw new SetupError(
        `Échec de « ${[command, ...args].join(' ')} » (code ${code}). Ses dernières lignes :\n${last}`,
      );
    }
    out.write(`${tty ? ' fait' : '… fait'} en ${seconds()} s\n`);
  } finally {
    clearInterval(ticker);
  }
}

/**
 * Runs a command with stdout and stderr captured together (their last part).
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<{ code: number, output: string }>}
 */
function capture(command, args, env) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    /** @param {Buffer} chunk */
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-KEPT_OUTPUT);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => {
      resolve({ code: 1, output: `Impossible de lancer ${command} : ${error.message}` });
    });
    child.on('close', (code, signal) => resolve({ code: signal ? 1 : (code ?? 1), output }));
  });
}
