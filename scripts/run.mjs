// `node scripts/run.mjs <command> [args…]`: runs one command on Passerelle's Node.js 24 (issue
// #14), e.g. `node scripts/run.mjs npx vitest run --project unit` or
// `node scripts/run.mjs npx tsx bench/lists.ts`, on a machine whose own Node is older: the
// pinned Node 24 comes first on the command's PATH (see scripts/lib/runtime.mjs).
import { spawn } from 'node:child_process';
import { ensureRuntime } from './lib/runtime.mjs';

// Its messages go to stderr: the command's own output stays clean for pipes.
await ensureRuntime({ log: console.error });

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage : node scripts/run.mjs <commande> [arguments…]');
  process.exit(2);
}
const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
// Same process group: the terminal's Ctrl-C reaches the command itself; a signal sent to this
// script alone is passed on.
const signals = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);
/** @param {NodeJS.Signals} signal */
const forward = (signal) => child.kill(signal);
for (const signal of signals) process.on(signal, forward);
child.on('error', (error) => {
  console.error(`Impossible de lancer ${command} : ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  for (const s of signals) process.off(s, forward);
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
