// The log files of `npm start`'s services: one per service under `<data folder>/logs/`, private
// like the rest of the data folder (folder 0700, files 0600), appended from one start to the
// next, each line JSON. Node built-ins only.
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SetupError } from './process.mjs';

/** How many of its last output lines a service's crash message shows. */
const TAIL_LINES = 30;

/** Windows has no group/other bits to check (Node reports made-up modes there). */
const checked = process.platform !== 'win32';

/**
 * The one-time setup link is a credential: the log file keeps the line, not the token.
 * @param {string} line
 */
export function redactSetupToken(line) {
  return line.replace(/#jeton=[^\s"]+/g, '#jeton=[secret]');
}

/**
 * Creates the logs folder (0700) and refuses one that others can read, or such a log file,
 * naming the chmod to run, like the servers do for their data folder: the logs name people,
 * addresses and firms. Returns the paths of the service log files.
 * @param {string} logDir
 * @param {string[]} names file names without `.log`
 * @returns {string[]}
 */
export function prepareLogFiles(logDir, names) {
  mkdirSync(logDir, { recursive: true, mode: 0o700 });
  const files = names.map((name) => join(logDir, `${name}.log`));
  if (!checked) return files;
  const problems = [];
  if (statSync(logDir).mode & 0o077) problems.push(`chmod 700 ${logDir}`);
  for (const file of files) {
    if (existsSync(file) && statSync(file).mode & 0o077) problems.push(`chmod 600 ${file}`);
  }
  if (problems.length > 0) {
    throw new SetupError(
      'Droits trop ouverts sur les journaux : d’autres comptes de cette machine peuvent les lire.\n' +
        'Corrigez-les puis relancez :\n' +
        problems.map((problem) => `  ${problem}`).join('\n'),
    );
  }
  return files;
}

/**
 * One service's log: every line it prints is appended to its file (a line that is not pino's
 * JSON is wrapped in a JSON line of the same shape), and the last lines are kept in memory for
 * the message shown when the service dies.
 */
export class ServiceLog {
  /** @param {string} path */
  constructor(path) {
    this.path = path;
    /**
     * Created 0600 whatever the umask; writes are synchronous so that a crash's last lines are
     * on disk before the message that points to the file. Undefined once closed.
     * @type {number | undefined}
     */
    this.fd = openSync(path, 'a', 0o600);
    /** @type {string[]} */
    this.tail = [];
  }

  /**
   * Appends one line of the service's output.
   * @param {string} line
   * @param {'stdout' | 'stderr'} stream
   * @param {number | undefined} pid
   */
  write(line, stream, pid) {
    if (line.trim() === '') return; // the blank lines around the banners
    const safe = redactSetupToken(line);
    this.tail.push(safe);
    if (this.tail.length > TAIL_LINES) this.tail.shift();
    if (this.fd === undefined) return;
    const json = isJsonLine(line)
      ? safe
      : JSON.stringify({
          // pino's levels: 30 info, 50 error; what a server writes to stderr is a problem.
          level: stream === 'stderr' ? 50 : 30,
          time: Date.now(),
          pid,
          stream,
          msg: safe,
        });
    writeSync(this.fd, `${json}\n`);
  }

  /** Closes the file; later lines are only kept in memory. */
  close() {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * True for a line pino wrote (one JSON object).
 * @param {string} line
 */
export function isJsonLine(line) {
  if (!line.startsWith('{')) return false;
  try {
    return typeof JSON.parse(line) === 'object';
  } catch {
    return false;
  }
}
