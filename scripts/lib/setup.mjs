// Set-up steps shared by `npm start` and `npm test`: install dependencies, build the web UI.
// Node built-ins only: they run before node_modules exists.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { npm, repoRoot, SetupError } from './process.mjs';
import { runStep } from './steps.mjs';

const lockFile = join(repoRoot, 'package-lock.json');
const nodeModules = join(repoRoot, 'node_modules');
/** Holds the sha256 of the package-lock.json that the last `npm ci` of these scripts installed. */
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
 * Why the dependencies must be (re)installed, or undefined when they are up to date: node_modules
 * is missing, or was not installed by these scripts from the current package-lock.json.
 * @returns {string | undefined}
 */
function installReason() {
  if (!existsSync(nodeModules)) return 'node_modules absent';
  if (!existsSync(installStamp)) return 'installation non faite par npm start / npm test';
  if (readFileSync(installStamp, 'utf8').trim() !== lockHash()) return 'package-lock.json a changé';
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
      // Most of it is better-sqlite3 compiling SQLite when no prebuilt binary can be
      // downloaded: about 3 min on 2 cores (issue #14), 5 min 20 s with both cores busy with
      // other test runs.
      expected: '≈ 2 à 5 min la première fois',
      reason,
      // node-gyp compiles better-sqlite3's two sources side by side instead of one by one.
      env: { ...process.env, JOBS: process.env.JOBS ?? 'max' },
    },
    ...npm(['ci', '--no-audit', '--no-fund']),
  );
  writeFileSync(installStamp, `${hash}\n`);
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
