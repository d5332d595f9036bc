// Set-up steps shared by `npm start` and `npm test`: install dependencies, build the web UI.
// Node built-ins only: they run before node_modules exists.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { npm, repoRoot, SetupError } from './process.mjs';
import { runStep } from './steps.mjs';

const lockFile = join(repoRoot, 'package-lock.json');
const nodeModules = join(repoRoot, 'node_modules');
/**
 * Names what the last `npm ci` of these scripts installed: the sha256 of package-lock.json, and
 * the Node.js it ran on (native addons and engine checks depend on it; see {@link runtimeLine}).
 */
const installStamp = join(nodeModules, '.passerelle-install-stamp');

/** Where `npm run build -w @passerelle/declarant-web` writes the web UI. */
export const webDistDir = join(repoRoot, 'apps', 'declarant-web', 'dist');

/** Files and folders whose changes make the built web UI stale. */
const webSources = [
  'apps/declarant-web/src',
  'apps/declarant-web/index.html',
  'apps/declarant-web/vite.config.ts',
  'apps/declarant-web/package.json',
  'packages/contracts/src',
].map((path) => join(repoRoot, path));

function lockHash() {
  return createHash('sha256').update(readFileSync(lockFile)).digest('hex');
}

/**
 * The stamp's second line: the Node.js major, its module ABI and the platform. node_modules
 * installed under another one (Node 20 before issue #14) is installed again.
 */
export function runtimeLine() {
  const major = process.versions.node.split('.')[0];
  return `node ${major} abi ${process.versions.modules} ${process.platform}-${process.arch}`;
}

/**
 * Why the dependencies must be (re)installed, or undefined when they are up to date: node_modules
 * is missing, or was not installed by these scripts from the current package-lock.json.
 * @returns {string | undefined}
 */
function installReason() {
  if (!existsSync(nodeModules)) return 'node_modules absent';
  if (!existsSync(installStamp)) return 'installation non faite par npm start / npm test';
  const [hash, runtime] = readFileSync(installStamp, 'utf8').trim().split('\n');
  if (hash !== lockHash()) return 'package-lock.json a changé';
  if (runtime !== runtimeLine()) {
    return `installé pour ${runtime ?? 'un autre Node.js'}, maintenant ${runtimeLine()}`;
  }
  return undefined;
}

/** Runs `npm ci` when node_modules is missing or older than package-lock.json, then stamps it. */
export async function ensureDependencies() {
  if (!existsSync(lockFile)) throw new SetupError('package-lock.json est introuvable.');
  const reason = installReason();
  if (!reason) return;
  // Read the lock before installing: the stamp names the lock that was installed.
  const hash = lockHash();
  await runStep(
    {
      label: 'Installation des dépendances',
      // From the registry, no native compile (better-sqlite3 13 ships a prebuilt N-API addon):
      // 22 s with a warm npm cache, about 50 s from nothing on 2 busy cores (issue #14).
      expected: '≈ 1 min la première fois',
      reason,
    },
    ...npm(['ci', '--no-audit', '--no-fund']),
  );
  writeFileSync(installStamp, `${hash}\n${runtimeLine()}\n`);
}

/**
 * Latest modification time (ms) of a file, or of any file under a folder; 0 when absent.
 * @param {string} path
 * @returns {number}
 */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/**
 * Why the web UI must be built, or undefined when dist is newer than every source file.
 * @returns {string | undefined}
 */
function webBuildReason() {
  const builtIndex = join(webDistDir, 'index.html');
  if (!existsSync(builtIndex)) return 'pas encore construite';
  // Vite empties dist and rewrites index.html on every build: its time is the build's time.
  const builtAt = statSync(builtIndex).mtimeMs;
  const changedAt = Math.max(...webSources.map(newestMtime));
  if (changedAt > builtAt) return 'sources modifiées depuis la dernière construction';
  return undefined;
}

/**
 * Builds the web UI (`apps/declarant-web/dist`) when it is missing or older than its sources.
 * Does nothing when `distDir` is another folder (the person chose their own build).
 * @param {string} [distDir] the folder that will be served
 */
export async function ensureWebBuild(distDir = webDistDir) {
  if (resolve(repoRoot, distDir) !== webDistDir) return;
  const reason = webBuildReason();
  if (!reason) return;
  await runStep(
    { label: 'Construction de l’interface web', expected: '≈ 10 à 20 s', reason },
    ...npm(['run', 'build', '-w', '@passerelle/declarant-web']),
  );
}
