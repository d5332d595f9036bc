// The supply-chain check and the SBOM, read from package-lock.json alone: it works offline (the
// registry's advisory endpoint is not reachable from these machines, so `npm audit` cannot run)
// and in CI. Node built-ins only, like the other set-up scripts.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where packages may come from: the public npm registry, pinned by an integrity hash. */
export const REGISTRY = 'https://registry.npmjs.org/';

/**
 * Licences a production dependency may carry (SPDX ids). All are permissive or file-level
 * copyleft (MPL-2.0) and compatible with the project's AGPL-3.0-or-later; a licence outside this
 * list must be reviewed and added here on purpose.
 */
export const ALLOWED_LICENCES = new Set([
  '0BSD',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'CC0-1.0',
  'ISC',
  'MIT',
  'MIT-0',
  'MPL-2.0',
  'Unlicense',
]);

/**
 * Licences read from the package's own LICENSE file where its manifest (so the lockfile) names
 * none, reviewed by hand: name@version → SPDX id. A new version must be read again.
 */
export const REVIEWED_LICENCES = new Map([
  // pdfkit's PNG decoder: LICENSE is the MIT licence (Devon Govett, 2017).
  ['png-js@2.0.0', 'MIT'],
]);

const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
/** Dependency specifiers that fetch from somewhere else than the registry. */
const FOREIGN_SPEC =
  /^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:|https?:|file:|link:|portal:)|^[^@\s]+\/[^@\s]+(?:#.*)?$/;

/**
 * @typedef {{ version?: string, resolved?: string, integrity?: string, link?: boolean,
 *   dev?: boolean, devOptional?: boolean, optional?: boolean, peer?: boolean,
 *   hasInstallScript?: boolean, license?: string, name?: string,
 *   dependencies?: Record<string, string>, optionalDependencies?: Record<string, string>,
 *   devDependencies?: Record<string, string>, peerDependencies?: Record<string, string> }} LockEntry
 * @typedef {{ lockfileVersion: number, packages: Record<string, LockEntry> }} Lockfile
 * @typedef {{ name: string, version?: string, license?: string, workspaces?: string[],
 *   allowScripts?: Record<string, boolean | string>,
 *   dependencies?: Record<string, string>, devDependencies?: Record<string, string>,
 *   optionalDependencies?: Record<string, string> }} PackageJson
 */

/**
 * The package name of a lockfile key (`node_modules/a/node_modules/@s/b` → `@s/b`).
 * @param {string} key
 * @param {LockEntry} entry
 */
export function packageName(key, entry) {
  return entry.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/**
 * Whether an SPDX licence expression is acceptable: every `AND` term allowed, one `OR` branch
 * enough. Parentheses are only grouping in the expressions npm packages use.
 * @param {string | undefined} expression
 */
export function licenceAllowed(expression) {
  if (!expression) return false;
  const bare = expression.replace(/[()]/g, ' ').trim();
  return bare
    .split(/\s+OR\s+/)
    .some((branch) => branch.split(/\s+AND\s+/).every((id) => ALLOWED_LICENCES.has(id.trim())));
}

/**
 * Every problem of the lockfile and of the workspace manifests, as sentences (empty = clean):
 * packages not pinned to the registry by a SHA-512 integrity, dependency specifiers that fetch
 * elsewhere (git, URL, file), install scripts not named in `allowScripts` (`true` runs it,
 * `false` is a reviewed refusal: npm 11 skips it) and allowances or refusals that
 * no package needs, production licences outside {@link ALLOWED_LICENCES}.
 * @param {Lockfile} lock
 * @param {PackageJson} root
 * @param {PackageJson[]} workspaces the manifests of the workspace packages
 * @returns {string[]}
 */
export function lockfileProblems(lock, root, workspaces) {
  const problems = [];
  if (lock.lockfileVersion !== 3) {
    problems.push(`package-lock.json: lockfileVersion ${lock.lockfileVersion}, 3 attendu`);
  }
  const allow = root.allowScripts ?? {};
  const withScripts = new Set();
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.includes('node_modules/')) continue;
    const name = packageName(key, entry);
    if (entry.link) {
      if (!/^(?:apps|packages)\/[a-z0-9-]+$/.test(entry.resolved ?? '')) {
        problems.push(`${name}: lien vers ${entry.resolved}, hors des espaces de travail`);
      }
      continue;
    }
    if (!EXACT_VERSION.test(entry.version ?? '')) {
      problems.push(`${name}: version ${entry.version} n’est pas une version exacte du registre`);
    }
    if (entry.resolved !== undefined && !entry.resolved.startsWith(REGISTRY)) {
      problems.push(`${name}: téléchargé hors du registre (${entry.resolved})`);
    }
    if (!entry.integrity?.startsWith('sha512-')) {
      problems.push(`${name}: pas d’empreinte SHA-512 (integrity)`);
    }
    if (entry.hasInstallScript) {
      withScripts.add(name);
      // `true`: reviewed and run by npm; `false`: reviewed and never run (npm skips it).
      if (allow[name] !== true && allow[name] !== false) {
        problems.push(`${name}: script d’installation non autorisé (ajoutez-le à allowScripts)`);
      }
    }
    const licence = entry.license ?? REVIEWED_LICENCES.get(`${name}@${entry.version}`);
    if (!entry.dev && !licenceAllowed(licence)) {
      problems.push(
        `${name}@${entry.version}: licence « ${entry.license ?? 'absente'} » à examiner`,
      );
    }
  }
  for (const [name, value] of Object.entries(allow)) {
    if (typeof value === 'boolean' && !withScripts.has(name)) {
      problems.push(
        `allowScripts: ${name} n’a pas de script d’installation (autorisation inutile)`,
      );
    }
  }
  for (const manifest of [root, ...workspaces]) {
    for (const field of /** @type {const} */ ([
      'dependencies',
      'devDependencies',
      'optionalDependencies',
    ])) {
      for (const [dep, spec] of Object.entries(manifest[field] ?? {})) {
        if (FOREIGN_SPEC.test(spec) || spec.startsWith('npm:')) {
          problems.push(`${manifest.name}: ${dep}@${spec} ne vient pas du registre`);
        }
      }
    }
  }
  return problems;
}

/**
 * Installed packages whose version differs from the lockfile, or that are missing although
 * required (optional platform packages of other systems are skipped): a tree that `npm ci` did
 * not install from this lockfile.
 * @param {Lockfile} lock
 * @param {string} rootDir
 * @returns {string[]}
 */
export function installedTreeProblems(lock, rootDir) {
  const problems = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.includes('node_modules/') || entry.link) continue;
    const manifest = join(rootDir, key, 'package.json');
    if (!existsSync(manifest)) {
      if (!entry.optional && !entry.devOptional && !entry.peer) {
        problems.push(`${key}: absent (lancez npm ci)`);
      }
      continue;
    }
    const installed = JSON.parse(readFileSync(manifest, 'utf8')).version;
    if (installed !== entry.version) {
      problems.push(`${key}: ${installed} installé, ${entry.version} dans package-lock.json`);
    }
  }
  return problems;
}

/**
 * The package URL of an npm package (`pkg:npm/%40scope/name@1.2.3`).
 * @param {string} name
 * @param {string} version
 */
export function purl(name, version) {
  return `pkg:npm/${name.replace('@', '%40')}@${version}`;
}

/**
 * A CycloneDX 1.6 SBOM of the production packages of the lockfile (dev-only packages left out):
 * name, version, purl, licence, the SHA-512 the lockfile pins, and the dependency graph.
 * @param {Lockfile} lock
 * @param {PackageJson} root
 * @param {{ now?: Date, serial?: string, version?: string, lockSha256?: string }} [options]
 */
export function buildSbom(lock, root, options = {}) {
  /** @type {Map<string, { key: string, entry: LockEntry, ref: string }>} */
  const byKey = new Map();
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.includes('node_modules/') || entry.link || entry.dev) continue;
    const name = packageName(key, entry);
    byKey.set(key, { key, entry, ref: purl(name, entry.version ?? '0.0.0') });
  }
  const components = [];
  const seen = new Set();
  for (const { key, entry, ref } of byKey.values()) {
    if (seen.has(ref)) continue; // the same version nested twice is one component
    seen.add(ref);
    const name = packageName(key, entry);
    const slash = name.startsWith('@') ? name.indexOf('/') : -1;
    const licence = entry.license ?? '';
    components.push({
      type: 'library',
      'bom-ref': ref,
      ...(slash > 0 ? { group: name.slice(0, slash), name: name.slice(slash + 1) } : { name }),
      version: entry.version,
      scope: entry.optional || entry.devOptional ? 'optional' : 'required',
      purl: ref,
      licenses: /\s(?:OR|AND|WITH)\s/.test(licence)
        ? [{ expression: licence }]
        : licence
          ? [{ license: { id: licence } }]
          : [],
      hashes: entry.integrity?.startsWith('sha512-')
        ? [
            {
              alg: 'SHA-512',
              content: Buffer.from(entry.integrity.slice(7), 'base64').toString('hex'),
            },
          ]
        : [],
    });
  }
  const dependencies = [...byKey.values()].map(({ key, entry, ref }) => ({
    ref,
    dependsOn: [
      ...new Set(
        Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })
          .map((dep) => resolveDependency(byKey, key, dep)?.ref)
          .filter((value) => value !== undefined),
      ),
    ],
  }));
  const version = options.version ?? root.version ?? '0.0.0';
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${options.serial ?? randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: (options.now ?? new Date()).toISOString(),
      tools: { components: [{ type: 'application', name: 'passerelle scripts/supply-chain.mjs' }] },
      component: {
        type: 'application',
        'bom-ref': `pkg:npm/${root.name}@${version}`,
        name: root.name,
        version,
        licenses: root.license ? [{ license: { id: root.license } }] : [],
      },
      properties: options.lockSha256
        ? [{ name: 'passerelle:package-lock-sha256', value: options.lockSha256 }]
        : [],
    },
    components: components.sort((a, b) => a['bom-ref'].localeCompare(b['bom-ref'])),
    dependencies: dedupeByRef(dependencies),
  };
}

/**
 * Node's resolution inside the lockfile: the nearest `node_modules/<dep>` walking up from `key`.
 * @param {Map<string, { key: string, entry: LockEntry, ref: string }>} byKey
 * @param {string} key
 * @param {string} dep
 */
function resolveDependency(byKey, key, dep) {
  let base = key;
  for (;;) {
    const found = byKey.get(`${base}/node_modules/${dep}`);
    if (found) return found;
    const cut = base.lastIndexOf('/node_modules/');
    if (cut < 0) return byKey.get(`node_modules/${dep}`);
    base = base.slice(0, cut);
  }
}

/**
 * One dependency entry per component, merging nested copies of the same version.
 * @param {{ ref: string, dependsOn: string[] }[]} dependencies
 */
function dedupeByRef(dependencies) {
  /** @type {Map<string, Set<string>>} */
  const merged = new Map();
  for (const { ref, dependsOn } of dependencies) {
    const set = merged.get(ref) ?? new Set();
    for (const dep of dependsOn) set.add(dep);
    merged.set(ref, set);
  }
  return [...merged]
    .map(([ref, set]) => ({ ref, dependsOn: [...set].sort() }))
    .sort((a, b) => a.ref.localeCompare(b.ref));
}

/**
 * The SHA-256 of a file, to name the lockfile an SBOM was made from.
 * @param {string} path
 */
export function fileSha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * The manifests of the workspace packages named by the root's `workspaces` globs (`dir/*` only).
 * @param {PackageJson} root
 * @param {string} rootDir
 * @returns {PackageJson[]}
 */
export function readWorkspaceManifests(root, rootDir) {
  const manifests = [];
  for (const pattern of root.workspaces ?? []) {
    const folder = pattern.replace(/\/\*$/, '');
    for (const entry of readdirSync(join(rootDir, folder), { withFileTypes: true })) {
      const file = join(rootDir, folder, entry.name, 'package.json');
      if (entry.isDirectory() && existsSync(file)) {
        manifests.push(JSON.parse(readFileSync(file, 'utf8')));
      }
    }
  }
  return manifests;
}
