// `npm run supply-chain [-- --sbom <file>]`: checks, offline, that every dependency comes from the
// npm registry pinned by a SHA-512 in package-lock.json, that the installed tree is the locked
// one, that every install script is allowed by name in package.json's `allowScripts` (and no
// allowance is stale), and that production licences are on the reviewed list; prints the install
// scripts and the licences, and with `--sbom` writes a CycloneDX 1.6 SBOM of the production
// packages (made at each release, and by CI beside the test results).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { repoRoot } from './lib/process.mjs';
import { ensureRuntime } from './lib/runtime.mjs';
import {
  buildSbom,
  fileSha256,
  installedTreeProblems,
  lockfileProblems,
  packageName,
  readWorkspaceManifests,
} from './lib/supply-chain.mjs';

// Node.js 24 (issue #14): re-runs this script under the pinned Node 24 when this one is older.
await ensureRuntime();

const lockPath = join(repoRoot, 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

const problems = lockfileProblems(lock, root, readWorkspaceManifests(root, repoRoot));
if (existsSync(join(repoRoot, 'node_modules'))) {
  problems.push(...installedTreeProblems(lock, repoRoot));
}

const entries = Object.entries(lock.packages).filter(
  ([key, entry]) => key.includes('node_modules/') && !entry.link,
);
const scripts = entries.filter(([, entry]) => entry.hasInstallScript);
console.log(
  `Paquets verrouillés : ${entries.length} (${entries.filter(([, e]) => !e.dev).length} de production)`,
);
console.log('Scripts d’installation (allowScripts) :');
for (const [key, entry] of scripts) {
  const name = packageName(key, entry);
  const verdict = root.allowScripts?.[name] === false ? 'refusé, jamais lancé' : 'autorisé';
  console.log(`  ${name}@${entry.version}${entry.dev ? ' (développement)' : ''} : ${verdict}`);
}
/** @type {Map<string, number>} */
const licences = new Map();
for (const [, entry] of entries) {
  if (!entry.dev) licences.set(entry.license ?? '?', (licences.get(entry.license ?? '?') ?? 0) + 1);
}
console.log('Licences des paquets de production :');
for (const [licence, count] of [...licences].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${licence} : ${count}`);
}

const sbomIndex = process.argv.indexOf('--sbom');
if (sbomIndex > 0) {
  const target = process.argv[sbomIndex + 1];
  if (!target) {
    console.error('--sbom attend un chemin de fichier.');
    process.exit(2);
  }
  const sbom = buildSbom(lock, root, { lockSha256: fileSha256(lockPath) });
  const out = resolve(target);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(sbom, null, 2)}\n`);
  console.log(`SBOM CycloneDX écrit : ${out} (${sbom.components.length} composants)`);
}

if (problems.length > 0) {
  console.error(`\nChaîne d’approvisionnement : ${problems.length} problème(s)`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log('Chaîne d’approvisionnement : conforme.');
