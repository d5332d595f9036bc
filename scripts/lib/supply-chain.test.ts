import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as CDX from '@cyclonedx/cyclonedx-library';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './process.mjs';
import {
  buildSbom,
  installedTreeProblems,
  licenceAllowed,
  lockfileProblems,
  readWorkspaceManifests,
} from './supply-chain.mjs';

type Lock = Parameters<typeof lockfileProblems>[0];
type Manifest = Parameters<typeof lockfileProblems>[1];

const realLock: Lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'));
const realRoot: Manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

const INTEGRITY = `sha512-${Buffer.alloc(64, 7).toString('base64')}`;

/** A small lockfile with one production and one dev package, clean unless a test spoils it. */
function sampleLock(): Lock {
  return {
    lockfileVersion: 3,
    packages: {
      '': { name: 'demo' },
      'node_modules/left-pad': { version: '1.3.0', integrity: INTEGRITY, license: 'MIT' },
      'node_modules/@s/tool': {
        version: '2.0.0',
        integrity: INTEGRITY,
        license: 'GPL-3.0',
        dev: true,
      },
      'node_modules/@s/native': {
        version: '1.0.0',
        integrity: INTEGRITY,
        license: 'Apache-2.0',
        hasInstallScript: true,
        dependencies: { 'left-pad': '^1.0.0' },
      },
    },
  };
}
const sampleRoot: Manifest = {
  name: 'demo',
  license: 'AGPL-3.0-or-later',
  allowScripts: { '@s/native': true },
  dependencies: { 'left-pad': '^1.3.0', '@s/native': '^1.0.0' },
};

describe('supply-chain check of the lockfile', () => {
  it('finds the real lockfile and workspace manifests clean', () => {
    const workspaces = readWorkspaceManifests(realRoot, repoRoot);
    expect(workspaces.map((w) => w.name)).toContain('@passerelle/declarant-server');
    expect(lockfileProblems(realLock, realRoot, workspaces)).toEqual([]);
  });

  it('accepts a clean sample', () => {
    expect(lockfileProblems(sampleLock(), sampleRoot, [])).toEqual([]);
  });

  it('refuses a package fetched from outside the registry or without a SHA-512', () => {
    const lock = sampleLock();
    lock.packages['node_modules/left-pad']!.resolved = 'https://evil.example/left-pad-1.3.0.tgz';
    lock.packages['node_modules/@s/tool']!.integrity = 'sha1-AAAA';
    lock.packages['node_modules/@s/native']!.version = 'github:someone/native#main';
    const problems = lockfileProblems(lock, sampleRoot, []);
    expect(problems).toEqual([
      'left-pad: téléchargé hors du registre (https://evil.example/left-pad-1.3.0.tgz)',
      '@s/tool: pas d’empreinte SHA-512 (integrity)',
      '@s/native: version github:someone/native#main n’est pas une version exacte du registre',
    ]);
  });

  it('refuses git, URL and file specifiers in any workspace manifest', () => {
    const workspace: Manifest = {
      name: '@demo/app',
      dependencies: { a: 'git+https://example.com/a.git', b: 'someone/b', c: 'file:../c' },
      devDependencies: { d: 'https://example.com/d.tgz', e: '^1.0.0', f: '*' },
    };
    expect(lockfileProblems(sampleLock(), sampleRoot, [workspace])).toEqual([
      '@demo/app: a@git+https://example.com/a.git ne vient pas du registre',
      '@demo/app: b@someone/b ne vient pas du registre',
      '@demo/app: c@file:../c ne vient pas du registre',
      '@demo/app: d@https://example.com/d.tgz ne vient pas du registre',
    ]);
  });

  it('refuses an install script that allowScripts does not name, and a stale allowance', () => {
    const lock = sampleLock();
    lock.packages['node_modules/left-pad']!.hasInstallScript = true;
    const root = { ...sampleRoot, allowScripts: { '@s/native': true, 'old-thing': true } };
    expect(lockfileProblems(lock, root, [])).toEqual([
      'left-pad: script d’installation non autorisé (ajoutez-le à allowScripts)',
      'allowScripts: old-thing n’a pas de script d’installation (autorisation inutile)',
    ]);
  });

  it('accepts an install script refused on purpose (false), not a stale refusal', () => {
    const lock = sampleLock();
    lock.packages['node_modules/left-pad']!.hasInstallScript = true;
    const allowScripts: Record<string, boolean> = { '@s/native': true, 'left-pad': false };
    const root = { ...sampleRoot, allowScripts };
    expect(lockfileProblems(lock, root, [])).toEqual([]);
    allowScripts.gone = false;
    expect(lockfileProblems(lock, root, [])).toEqual([
      'allowScripts: gone n’a pas de script d’installation (autorisation inutile)',
    ]);
  });

  it('refuses a production licence outside the reviewed list, not a dev one', () => {
    const lock = sampleLock();
    lock.packages['node_modules/left-pad']!.license = 'SSPL-1.0';
    expect(lockfileProblems(lock, sampleRoot, [])).toEqual([
      'left-pad@1.3.0: licence « SSPL-1.0 » à examiner',
    ]);
    expect(licenceAllowed('(MIT OR EUPL-1.1+)')).toBe(true);
    expect(licenceAllowed('MIT AND SSPL-1.0')).toBe(false);
    expect(licenceAllowed(undefined)).toBe(false);
  });

  it('finds the installed tree equal to the lockfile, and a drifted one not', () => {
    expect(installedTreeProblems(realLock, repoRoot)).toEqual([]);
    const drifted = structuredClone(realLock);
    drifted.packages['node_modules/kysely']!.version = '0.0.1';
    expect(installedTreeProblems(drifted, repoRoot)).toEqual([
      expect.stringMatching(/^node_modules\/kysely: \d+\.\d+\.\d+ installé, 0\.0\.1 dans/),
    ]);
  });
});

describe('SBOM', () => {
  it('is valid CycloneDX 1.6 for the strict JSON schema of the CycloneDX library', async () => {
    const validator = new CDX.Validation.JsonStrictValidator(CDX.Spec.Version.v1dot6);
    const sbom = buildSbom(realLock, realRoot);
    expect(await validator.validate(JSON.stringify(sbom))).toBeNull();
  });

  it('names every production package once with its licence and locked SHA-512, no dev package', () => {
    const sbom = buildSbom(realLock, realRoot);
    const refs = new Set(sbom.components.map((c) => c.purl));
    for (const [key, entry] of Object.entries(realLock.packages)) {
      if (!key.includes('node_modules/') || entry.link) continue;
      const name = key.slice(key.lastIndexOf('node_modules/') + 13);
      const purl = `pkg:npm/${name.replace('@', '%40')}@${entry.version}`;
      if (entry.dev) continue;
      expect(refs.has(purl), purl).toBe(true);
    }
    const fastify = sbom.components.find((c) => c.name === 'fastify')!;
    const locked = realLock.packages['node_modules/fastify']!;
    expect(fastify.hashes[0]!.content).toBe(
      Buffer.from(locked.integrity!.slice(7), 'base64').toString('hex'),
    );
    expect(fastify.licenses).toEqual([{ license: { id: locked.license } }]);
    expect(sbom.components.some((c) => c.name === 'eslint')).toBe(false);
    expect(sbom.components.some((c) => c.name === 'vitest')).toBe(false);
  });

  it('records who depends on whom, resolving nested copies as Node does', () => {
    const sbom = buildSbom(sampleLock(), sampleRoot, {
      serial: '00000000-0000-4000-8000-000000000000',
    });
    expect(sbom.dependencies).toEqual([
      { ref: 'pkg:npm/%40s/native@1.0.0', dependsOn: ['pkg:npm/left-pad@1.3.0'] },
      { ref: 'pkg:npm/left-pad@1.3.0', dependsOn: [] },
    ]);
    expect(sbom.components.map((c) => c.purl)).toEqual([
      'pkg:npm/%40s/native@1.0.0',
      'pkg:npm/left-pad@1.3.0',
    ]);
  });

  it('is written by `npm run supply-chain -- --sbom <file>`, which exits 0 on this tree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbom-'));
    try {
      const out = join(dir, 'sbom.cdx.json');
      const printed = execFileSync(
        process.execPath,
        [join(repoRoot, 'scripts', 'supply-chain.mjs'), '--sbom', out],
        { encoding: 'utf8' },
      );
      expect(printed).toContain('better-sqlite3@');
      expect(printed).toContain('Chaîne d’approvisionnement : conforme.');
      const sbom = JSON.parse(readFileSync(out, 'utf8'));
      expect(sbom.metadata.component.name).toBe('passerelle');
      expect(sbom.metadata.properties[0].value).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
