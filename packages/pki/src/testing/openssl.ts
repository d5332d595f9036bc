// Test support: runs the real `openssl` command line in a throw-away folder, so that every
// structure this package produces is also checked by an implementation other than its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one `openssl` run gave back; `output` is stdout then stderr. */
export interface OpensslResult {
  status: number | null;
  stdout: string;
  output: string;
}

/** A temporary folder where tests write PEM files and run `openssl` on them. */
export interface OpensslFolder {
  readonly dir: string;
  write(name: string, content: string | Uint8Array): string;
  read(name: string): string;
  run(args: readonly string[]): OpensslResult;
  /** Runs `openssl`, throwing with its output when it exits with a non-zero status. */
  ok(args: readonly string[]): string;
  remove(): void;
}

/** Creates a folder under the OS temp dir; call `remove()` in afterAll/afterEach. */
export function createOpensslFolder(): OpensslFolder {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-pki-'));
  const run = (args: readonly string[]): OpensslResult => {
    const result = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    if (result.error) throw result.error;
    return {
      status: result.status,
      stdout: result.stdout,
      output: `${result.stdout}${result.stderr}`,
    };
  };
  return {
    dir,
    write: (name, content) => {
      writeFileSync(join(dir, name), content);
      return name;
    },
    read: (name) => readFileSync(join(dir, name), 'utf8'),
    run,
    ok: (args) => {
      const result = run(args);
      if (result.status !== 0) {
        throw new Error(`openssl ${args.join(' ')} exited ${result.status}:\n${result.output}`);
      }
      return result.output;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The `-attime` argument (seconds since the epoch) for a fixed test date. */
export function attime(date: Date): string {
  return String(Math.floor(date.getTime() / 1000));
}

/**
 * A certificate made by the openssl command line: a new P-256 key, certified by the CA whose
 * PEM certificate and PKCS#8 DER key are given, with `extensions` (openssl `-extfile` lines),
 * valid from now for `days`. For certificates of another profile than ours (an older version's).
 */
export function issueWithOpenssl(
  folder: OpensslFolder,
  params: { caPem: string; caKeyPkcs8: Uint8Array; extensions: string; days: number },
): { certificatePem: string; privateKeyPkcs8: Buffer } {
  folder.write('issuer.pem', params.caPem);
  folder.write('issuer.der', params.caKeyPkcs8);
  folder.write('issued.ext', params.extensions);
  folder.ok([
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-out',
    'issued.key',
  ]);
  folder.ok([
    'pkcs8',
    '-topk8',
    '-nocrypt',
    '-in',
    'issued.key',
    '-outform',
    'DER',
    '-out',
    'issued.p8',
  ]);
  folder.ok(['req', '-new', '-key', 'issued.key', '-subj', '/CN=Openssl', '-out', 'issued.csr']);
  folder.ok([
    'x509',
    '-req',
    '-in',
    'issued.csr',
    '-CA',
    'issuer.pem',
    '-CAkey',
    'issuer.der',
    '-CAkeyform',
    'DER',
    '-days',
    String(params.days),
    '-extfile',
    'issued.ext',
    '-out',
    'issued.pem',
  ]);
  return {
    certificatePem: folder.read('issued.pem'),
    privateKeyPkcs8: readFileSync(join(folder.dir, 'issued.p8')),
  };
}

/**
 * `openssl cms -verify -binary` of the DER signed file `name` (written in `folder` from
 * `signed`) against the CA file `ca.pem` of the folder, with `extra` options (`-purpose any`,
 * `-attime …`): the run, and the content openssl output (in `<name>.out`) when it verified.
 */
/** The arguments of `openssl cms -verify` of a DER file against a CA file (options may follow). */
export function cmsVerifyArgs(input: string, caFile: string): string[] {
  return ['cms', '-verify', '-binary', '-inform', 'DER', '-in', input, '-CAfile', caFile];
}

export function opensslCmsVerify(
  folder: OpensslFolder,
  name: string,
  signed: Uint8Array,
  extra: readonly string[] = [],
): OpensslResult & { content: Buffer | undefined } {
  folder.write(name, signed);
  const result = folder.run([...cmsVerifyArgs(name, 'ca.pem'), '-out', `${name}.out`, ...extra]);
  const content = result.status === 0 ? readFileSync(join(folder.dir, `${name}.out`)) : undefined;
  return { ...result, content };
}

/**
 * The content of a DER CMS signed file as `openssl cms -verify -noverify -binary` outputs it
 * (the signature is checked, the chain is not), run in `folder`.
 */
export function opensslCmsContent(folder: OpensslFolder, signed: Uint8Array): Buffer {
  folder.write('signed-for-content.p7m', signed);
  folder.ok([
    'cms',
    '-verify',
    '-noverify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    'signed-for-content.p7m',
    '-out',
    'signed-content.bin',
  ]);
  return readFileSync(join(folder.dir, 'signed-content.bin'));
}
