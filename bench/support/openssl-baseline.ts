// The baseline of bench/send-batch: what a firm could script without Passerelle — the same
// signature exported as PKCS#12, then for each INFENT interchange `openssl cms -sign` and a
// `curl` POST to the partner's deposit endpoint, one after the other, in bash.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mapLimited, type ApiSession } from './api-session';

/** The `.p12` file's own password (the export asks for a new, strong one). */
const EXPORT_PASSWORD = 'girafe tambour horizon lanterne';

/**
 * The loop, as a shell script would run it. `$EPOCHREALTIME` (a bash variable, no process) times
 * each declaration; the bearer token is read by curl from a header file so that it never shows
 * in a process list.
 */
const LOOP = `set -u
while read -r name key; do
  t0=$EPOCHREALTIME
  if ! openssl cms -sign -binary -nodetach -md sha256 -cades -outform DER \\
      -signer cert.pem -inkey key.pem -in "edi/$name.edi" -out "p7m/$name.p7m" 2>"p7m/$name.err"; then
    echo "$name sign-failed $t0 $EPOCHREALTIME"
    continue
  fi
  code=$(curl -sS -X POST -H @authorization.header -H 'Content-Type: application/pkcs7-mime' \\
    -H "Idempotency-Key: $key" --data-binary "@p7m/$name.p7m" -o "answers/$name.json" \\
    -w '%{http_code}' "$PARTNER_URL/api/v1/deposits")
  echo "$name $code $t0 $EPOCHREALTIME"
done < list
# CPU time of the shell and of every openssl and curl it ran.
times >&2
`;

/** Runs `openssl` with `args` in `cwd`; throws with its output when it fails. */
function openssl(cwd: string, args: string[], env: Record<string, string> = {}): void {
  const run = spawnSync('openssl', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`openssl ${args[0]}: ${run.stdout}${run.stderr}`);
}

/**
 * Exports the signature as PKCS#12 (`POST /api/signatures/:id/export`) and splits it with
 * `openssl pkcs12` into `key.pem` (unencrypted, as the loop needs it) and `cert.pem` in `dir`.
 */
export async function exportSignaturePem(
  api: ApiSession,
  signatureId: string,
  signaturePassword: string,
  dir: string,
): Promise<void> {
  const p12 = await api.bytes('POST', `/api/signatures/${signatureId}/export`, {
    currentPassword: signaturePassword,
    password: EXPORT_PASSWORD,
    passwordConfirmation: EXPORT_PASSWORD,
  });
  writeFileSync(join(dir, 'signature.p12'), p12, { mode: 0o600 });
  const env = { P12_PASSWORD: EXPORT_PASSWORD };
  const common = ['pkcs12', '-in', 'signature.p12', '-passin', 'env:P12_PASSWORD'];
  openssl(dir, [...common, '-nocerts', '-nodes', '-out', 'key.pem'], env);
  openssl(dir, [...common, '-clcerts', '-nokeys', '-out', 'cert.pem'], env);
}

/** Downloads each declaration's INFENT interchange to `<dir>/edi/<n>.edi` (not measured). */
export async function downloadInterchanges(
  api: ApiSession,
  declarationIds: readonly string[],
  dir: string,
): Promise<void> {
  for (const folder of ['edi', 'p7m', 'answers']) mkdirSync(join(dir, folder), { recursive: true });
  await mapLimited(declarationIds, 8, async (id, index) => {
    const bytes = await api.bytes('GET', `/api/declarations/${id}/interchange`);
    writeFileSync(join(dir, 'edi', `${index}.edi`), bytes);
  });
}

export interface BaselineResult {
  /** Wall time of the whole loop. */
  seconds: number;
  /** Sign + post of each declaration, in milliseconds. */
  perDeclarationMs: number[];
  /** User + system CPU seconds of the loop: bash, openssl and curl. */
  cpuSeconds: number;
  /** Lines of the declarations whose deposit was not answered 202 (name, status, answer). */
  failures: string[];
}

/**
 * Runs the loop over the `count` interchanges of `dir` against the partner with `accessToken`
 * (each deposit under a fresh Idempotency-Key) and checks every answer is 202.
 */
export async function runBaseline(
  dir: string,
  count: number,
  partnerUrl: string,
  accessToken: string,
): Promise<BaselineResult> {
  writeFileSync(join(dir, 'authorization.header'), `Authorization: Bearer ${accessToken}\n`, {
    mode: 0o600,
  });
  const list = Array.from({ length: count }, (_, i) => `${i} ${randomUUID()}`).join('\n');
  writeFileSync(join(dir, 'list'), `${list}\n`);
  writeFileSync(join(dir, 'loop.sh'), LOOP);

  const start = performance.now();
  // Asynchronous, so this process keeps draining the servers' output pipes meanwhile.
  const run = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('bash', ['loop.sh'], {
      cwd: dir,
      // C locale: $EPOCHREALTIME with a decimal point.
      env: { ...process.env, LC_ALL: 'C', PARTNER_URL: partnerUrl },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', () => resolve({ stdout, stderr }));
  });
  const seconds = (performance.now() - start) / 1000;

  const perDeclarationMs: number[] = [];
  const failures: string[] = [];
  const lines = run.stdout.trim().split('\n').filter(Boolean);
  for (const line of lines) {
    const [name = '', code = '', t0 = '0', t1 = '0'] = line.split(' ');
    perDeclarationMs.push((Number(t1) - Number(t0)) * 1000);
    if (code !== '202') {
      const answer =
        code === 'sign-failed'
          ? readFileSync(join(dir, 'p7m', `${name}.err`), 'utf8')
          : readFileSync(join(dir, 'answers', `${name}.json`), 'utf8');
      failures.push(`#${name}: ${code} ${answer.trim().slice(0, 300)}`);
    }
  }
  if (lines.length !== count)
    failures.push(`${lines.length} of ${count} declarations ran (bash: ${run.stderr.trim()})`);
  // `times` prints "<user> <system>" of the shell, then of its children, as 0m1.234s.
  const cpuSeconds = [...run.stderr.matchAll(/(\d+)m([\d.]+)s/g)]
    .slice(-4)
    .reduce((sum, [, minutes, secs]) => sum + Number(minutes) * 60 + Number(secs), 0);
  return { seconds, perDeclarationMs, cpuSeconds, failures };
}
