// Runs Passerelle's long-lived processes (servers, local mail inbox…) side by side, as children of
// `npm start`: their output goes to their log files (and to the terminal with `--logs`), what
// each prints when ready is read for the summary, signals are forwarded once, and when one of
// them dies the others are stopped and its last lines are shown. Node built-ins only.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './process.mjs';
import { isJsonLine, prepareLogFiles, ServiceLog } from './service-logs.mjs';

/**
 * One process of the list that `npm start` runs.
 * @typedef {object} Service
 * @property {string} name short name used in messages
 * @property {string} command executable (`process.execPath` for Node)
 * @property {string[]} args its arguments; relative paths are from the repository root
 * @property {Record<string, string>} [defaultEnv] variables set only when the person has not set them
 * @property {Record<string, string>} [env] variables always set (win over the person's)
 * @property {string} logName its log file is `<logDir>/<logName>.log`
 * @property {(banner: string) => Record<string, string> | undefined} [ready] reads what the
 *   service printed besides its JSON logs; returns what the summary needs once it is ready
 */

/**
 * How `runServices` reports.
 * @typedef {object} RunOptions
 * @property {string} logDir folder of the log files (created 0700)
 * @property {boolean} [echoLogs] also copy every line of the services to the terminal
 * @property {(ready: Record<string, Record<string, string>>) => void} [onReady] called once,
 *   when every service with a `ready` reader is ready, with what each returned, by `logName`
 * @property {NodeJS.WritableStream} [out] the terminal's standard output (tests give their own)
 * @property {NodeJS.WritableStream} [err] the terminal's standard error
 * @property {AbortSignal} [signal] stops the services as Ctrl-C does (tests)
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
 * @param {RunOptions} options
 * @returns {Promise<number>}
 */
export function runServices(services, options) {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  const files = prepareLogFiles(
    options.logDir,
    services.map((service) => service.logName),
  );
  const logs = new Map(
    services.map((service, i) => [service.name, new ServiceLog(/** @type {string} */ (files[i]))]),
  );
  /** @type {Record<string, Record<string, string>>} */
  const readiness = {};
  const awaited = services.filter((service) => service.ready).length;
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
          err.write(`« ${name} » ne s’est pas arrêté à temps : arrêt forcé.\n`);
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
    options.signal?.addEventListener('abort', () => stopAll('SIGTERM'), { once: true });

    /**
     * @param {string} name
     * @param {string} how
     * @param {number} code
     */
    const onGone = (name, how, code) => {
      if (!running.delete(name)) return;
      if (!stopping) {
        err.write(`\nLe service « ${name} » ${how} : arrêt des autres services.\n`);
        if (!options.echoLogs) err.write(lastLines(logs.get(name)));
        exitCode = code || 1;
        stopAll('SIGTERM');
      } else if (code !== 0 && exitCode === 0) {
        exitCode = code;
      }
      if (running.size > 0) return;
      clearTimeout(killTimer);
      for (const log of logs.values()) log.close();
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
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
      });
      running.set(service.name, child);
      const log = /** @type {ServiceLog} */ (logs.get(service.name));
      let banner = '';
      for (const stream of /** @type {const} */ (['stdout', 'stderr'])) {
        const lines = createInterface({ input: child[stream], crlfDelay: Infinity });
        lines.on('line', (line) => {
          log.write(line, stream, child.pid);
          if (options.echoLogs) (stream === 'stdout' ? out : err).write(`${line}\n`);
          if (stream !== 'stdout' || isJsonLine(line) || !service.ready) return;
          if (service.logName in readiness) return;
          // What the service prints for people (its banner), apart from its JSON logs.
          banner += `${line}\n`;
          const info = service.ready(banner);
          if (!info) return;
          readiness[service.logName] = info;
          if (Object.keys(readiness).length === awaited && !stopping) options.onReady?.(readiness);
        });
      }
      child.on('error', (error) => {
        // Also emitted when a signal cannot be delivered; only a child without pid never started.
        if (child.pid === undefined)
          onGone(service.name, `n’a pas pu démarrer (${error.message})`, 1);
      });
      // 'close' rather than 'exit': its last output lines have been read (and logged) by then.
      child.on('close', (code, signal) => {
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

/**
 * The message part that shows a dead service's last lines and where its whole log is.
 * @param {ServiceLog | undefined} log
 */
function lastLines(log) {
  if (!log) return '';
  const shown =
    log.tail.length > 0 ? log.tail.map((line) => `  │ ${line}`).join('\n') : '  │ (rien)';
  return `Ses dernières lignes :\n${shown}\nJournal complet : ${log.path}\n`;
}

/**
 * The folder of the log files for a data folder (a path relative to the repository root, as the
 * servers read `DATA_DIR`).
 * @param {string} dataDir
 */
export function logDirOf(dataDir) {
  return resolve(repoRoot, dataDir, 'logs');
}
