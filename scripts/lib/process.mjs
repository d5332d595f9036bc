// Running commands from the set-up scripts. Node built-ins only: node_modules may not exist yet.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root (scripts/lib/../..). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A failed set-up step: its message is printed alone, without a stack, and the script exits 1. */
export class SetupError extends Error {}

/**
 * Prints a set-up step for the person who runs the script.
 * @param {string} message
 */
export function step(message) {
  console.log(`\n${message}`);
}

/**
 * Runs a command in the repository root with inherited stdio; resolves to its exit code
 * (1 when it was ended by a signal or could not be started).
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, stdin?: 'inherit' | 'ignore' }} [options]
 * @returns {Promise<number>}
 */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: options.env ?? process.env,
      stdio: [options.stdin ?? 'inherit', 'inherit', 'inherit'],
      shell: process.platform === 'win32',
    });
    child.on('error', (error) => {
      console.error(`Impossible de lancer ${command} : ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

/**
 * Runs a command and throws a `SetupError` naming it when it fails.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, stdin?: 'inherit' | 'ignore' }} [options]
 */
export async function runOrFail(command, args, options) {
  const code = await run(command, args, options);
  if (code !== 0) {
    throw new SetupError(`Échec de « ${[command, ...args].join(' ')} » (code ${code}).`);
  }
}

/**
 * The command and leading arguments that run npm: the npm that started this script when there
 * is one (`npm start`, `npm test`), else `npm` from the PATH.
 * @param {string[]} args
 * @returns {[string, string[]]}
 */
export function npm(args) {
  const cli = process.env.npm_execpath;
  if (cli && /npm-cli\.[cm]?js$/.test(cli)) return [process.execPath, [cli, ...args]];
  return ['npm', args];
}

/**
 * Runs `main`; a `SetupError` is printed as a plain message, anything else with its stack.
 * Exits with the code `main` resolves to.
 * @param {() => Promise<number>} main
 */
export function runMain(main) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      if (error instanceof SetupError) console.error(`\n${error.message}`);
      else console.error(error);
      process.exit(1);
    },
  );
}
