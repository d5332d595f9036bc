// Runs Passerelle's long-lived processes (servers, local mail inbox…) side by side, as children of
// `npm start`: their output goes straight to the terminal, signals are forwarded once, and when
// one of them dies the others are stopped. Node built-ins only.
import { spawn } from 'node:child_process';
import { repoRoot } from './process.mjs';

/**
 * One process of the list that `npm start` runs.
 * @typedef {object} Service
 * @property {string} name short name used in messages
 * @property {string} command executable (`process.execPath` for Node)
 * @property {string[]} args its arguments; relative paths are from the repository root
 * @property {Record<string, string>} [defaultEnv] variables set only when the person has not set them
 * @property {Record<string, string>} [env] variables always set (win over the person's)
 */

/** How long stopped services get to close before they are killed. */
const STOP_GRACE_MS = 10_000;

const forwardedSignals = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

/**
 * The environment of a service: the person's variables, over the service's defaults.
 * @param {Service} service
 * @returns {NodeJS.ProcessEnv}
 */
export function serviceEnv(service) {
  return { ...service.defaultEnv, ...process.env, ...service.env };
}

/**
 * Sends a signal to a child and to whatever it started (each child leads its own process group).
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} signal
 */
function signalChild(child, signal) {
  if (child.pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

/**
 * Starts every service and resolves, once all of them have exited, to the exit code for the
 * script: 0 after a requested stop (SIGINT, SIGTERM, SIGHUP) that they all honoured, non-zero
 * when one of them died by itself (the others are then stopped) or had to be killed.
 * @param {Service[]} services
 * @returns {Promise<number>}
 */
export function runServices(services) {
  return new Promise((resolvePromise) => {
    /** @type {Map<string, import('node:child_process').ChildProcess>} */
    const running = new Map();
    let stopping = false;
    let exitCode = 0;
    /** @type {NodeJS.Timeout | undefined} */
    let killTimer;

    /** @param {NodeJS.Signals} signal */
    const stopAll = (signal) => {
      if (stopping) return; // npm and the terminal may both deliver the same Ctrl-C
      stopping = true;
      for (const child of running.values()) signalChild(child, signal);
      killTimer = setTimeout(() => {
        for (const [name, child] of running) {
          console.error(`« ${name} » ne s’est pas arrêté à temps : arrêt forcé.`);
          signalChild(child, 'SIGKILL');
        }
      }, STOP_GRACE_MS);
    };
    // Children run in their own process groups, so the terminal's Ctrl-C reaches only this
    // script, which forwards it exactly once (a second SIGINT would kill a server mid-close).
    for (const signal of forwardedSignals) process.on(signal, stopAll);
    // If this script ends in any other way, take the children along.
    const killOnExit = () => {
      for (const child of running.values()) signalChild(child, 'SIGTERM');
    };
    process.on('exit', killOnExit);

    /**
     * @param {string} name
     * @param {string} how
     * @param {number} code
     */
    const onGone = (name, how, code) => {
      if (!running.delete(name)) return;
      if (!stopping) {
        console.error(`\nLe service « ${name} » ${how} : arrêt des autres services.`);
        exitCode = code || 1;
        stopAll('SIGTERM');
      } else if (code !== 0 && exitCode === 0) {
        exitCode = code;
      }
      if (running.size > 0) return;
      clearTimeout(killTimer);
      for (const signal of forwardedSignals) process.off(signal, stopAll);
      process.off('exit', killOnExit);
      resolvePromise(exitCode);
    };

    for (const service of services) {
      if (stopping) break;
      const child = spawn(service.command, service.args, {
        cwd: repoRoot,
        env: serviceEnv(service),
        // Servers read no input; stdin from the terminal would stop a background process group.
        stdio: ['ignore', 'inherit', 'inherit'],
        detached: process.platform !== 'win32',
      });
      running.set(service.name, child);
      child.on('error', (error) => {
        // Also emitted when a signal cannot be delivered; only a child without pid never started.
        if (child.pid === undefined)
          onGone(service.name, `n’a pas pu démarrer (${error.message})`, 1);
      });
      child.on('exit', (code, signal) => {
        if (signal) {
          // Ended by the signal this script forwarded: a normal stop, unless it had to be killed.
          const forced = signal === 'SIGKILL' || !stopping;
          onGone(service.name, `s’est arrêté (signal ${signal})`, forced ? 1 : 0);
        } else {
          onGone(service.name, `s’est arrêté (code ${code})`, code ?? 1);
        }
      });
    }
  });
}
