import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COLLABORATOR,
  SIGNATURE_PASSWORD,
  STRONG_PASSWORD,
  startSendingWorld,
  testSiren,
  type SendingWorld,
} from '@passerelle/declarant-server/testing';
import { cmsVerifyArgs } from '@passerelle/pki/testing';

// The real `passerelle` bin, run as a child process (node + tsx, as `npx passerelle` does),
// against a real declarant server listening on 127.0.0.1 and a real partner with its simulated
// DGFiP. The servers' background workers are off in the test world: while the CLI waits, this
// test turns the crank (delivery, DGFiP, status polling) with the world's own helper, so every
// step the CLI shows comes from the real send path. SQLite only: the CLI speaks HTTP, both
// dialects are covered by the servers' own sending tests.

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');
const bin = join(repoRoot, 'packages/cli/bin/passerelle.mjs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let world: SendingWorld;
let serverUrl: string;
let dir: string;
let accountFile: string;
let signatureFile: string;

/** A password file with the given mode (0600 unless said). */
function passwordFile(name: string, content: string, mode = 0o600): string {
  const path = join(dir, name);
  writeFileSync(path, `${content}\n`, { mode });
  execFileSync('chmod', [mode.toString(8), path]); // the umask does not decide
  return path;
}

/**
 * Runs `passerelle <args>` with only PATH and the PASSERELLE_* variables given; turns the
 * servers' crank while it runs. `command` wraps it (a pseudo-terminal), `typed` answers prompts.
 */
async function passerelle(
  args: string[],
  options: {
    env?: Record<string, string>;
    pty?: boolean;
    typed?: { after: string; text: string };
  } = {},
): Promise<Run> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    PASSERELLE_URL: serverUrl,
    PASSERELLE_EMAIL: COLLABORATOR,
    PASSERELLE_PASSWORD_FILE: accountFile,
    ...options.env,
  };
  const command = [process.execPath, bin, ...args];
  const child = options.pty
    ? // util-linux `script` gives the CLI a real terminal (stdin, stdout and stderr all a tty).
      spawn('script', ['-qfec', command.map(shellQuote).join(' '), '/dev/null'], {
        cwd: dir,
        env: { ...env, TERM: 'xterm', COLUMNS: '100' },
      })
    : spawn(command[0]!, command.slice(1), { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let typed = false;
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (options.typed && !typed && stdout.includes(options.typed.after)) {
      typed = true;
      child.stdin!.write(options.typed.text);
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited = false;
  const exit = new Promise<number | null>((done) =>
    child.on('close', (code) => {
      exited = true;
      done(code);
    }),
  );
  const deadline = setTimeout(() => child.kill('SIGKILL'), 90_000);
  try {
    while (!exited) {
      await world.runEverything();
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    clearTimeout(deadline);
  }
  return { code: await exit, stdout, stderr };
}

function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A declaration's status, read through the API (signing in again: the crank moves the clock). */
async function declarationStatus(id: string): Promise<string> {
  await world.signInAgain();
  const answer = await world.t.call('GET', `/api/declarations/${id}`, { cookie: world.cookie });
  return answer.json().declaration.status;
}

/** Every line a run showed, for "no stack trace" checks. */
const noStack = (run: Run) => expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at \S/);

beforeAll(async () => {
  world = await startSendingWorld('sqlite', { count: 6 });
  serverUrl = await world.t.app.listen({ port: 0, host: '127.0.0.1' });
  dir = mkdtempSync(join(tmpdir(), 'passerelle-cli-'));
  accountFile = passwordFile('compte', STRONG_PASSWORD);
  signatureFile = passwordFile('signature', SIGNATURE_PASSWORD);
}, 180_000);

afterAll(async () => {
  await world?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Each test runs the CLI (a Node process starting tsx) a few times: generous bounds for a busy
// machine; nothing here measures time.
describe('passerelle against the real servers', { timeout: 180_000 }, () => {
  it('refuses a password file others can read (exit 2) and a wrong signature password (exit 3), sending nothing', async () => {
    const [id] = world.declarationIds;
    const open = passwordFile('ouvert', SIGNATURE_PASSWORD, 0o644);
    const loose = await passerelle(['send', '--id', id!, '--password-file', open]);
    expect(loose.code).toBe(2);
    expect(loose.stderr).toContain(
      `Erreur : Les droits du fichier de mot de passe ${open} sont trop ouverts (0644)`,
    );

    const wrong = passwordFile('faux', 'ce nest pas le bon mot de passe');
    const refused = await passerelle(['send', '--id', id!, '--password-file', wrong]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/Erreur\u00a0: .*mot de passe/i);
    expect(refused.stdout).toBe('');
    noStack(refused);
    expect(await declarationStatus(id!)).toBe('ready');
  });

  it('sends a dossier with one password, shows the progress, ends "Acceptée" with exit 0', async () => {
    const [id] = world.declarationIds;
    const run = await passerelle([
      'send',
      '--dossier',
      testSiren(0),
      '--password-file',
      signatureFile,
    ]);
    expect(run.stderr).toContain('À envoyer : 1 déclaration.');
    expect(run.code).toBe(0);
    // Not a terminal: plain progress lines, the last one complete.
    expect(run.stderr).not.toContain('\u001b[');
    expect(run.stderr).toMatch(
      /Envoi\u00a0: 1\/1 terminée \(100\u00a0%\) · 1 transmise · 1 acceptée\n/,
    );
    expect(run.stdout).toMatch(
      new RegExp(`^${id}\\s+SOCIETE 0 \\(\\d{3} \\d{3} \\d{3}\\)\\s+31/12/2024\\s+Acceptée$`, 'm'),
    );
    expect(run.stdout).toContain('1 déclaration — Acceptée : 1');
    expect(await declarationStatus(id!)).toBe('accepted');
  });

  it('shows the status with the latest transmission, as a table and as JSON', async () => {
    const [accepted, ready] = world.declarationIds;
    const json = await passerelle(['status', '--id', accepted!, '--id', ready!, '--json']);
    expect(json.code).toBe(0);
    const { declarations } = JSON.parse(json.stdout);
    expect(declarations).toMatchObject([
      {
        id: accepted,
        status: 'accepted',
        statusLabel: 'Acceptée',
        latestTransmission: { status: 'accepted', statusLabel: 'Acceptée', errorCount: 0 },
      },
      { id: ready, status: 'ready', statusLabel: 'Prête', latestTransmission: null },
    ]);
    expect(declarations[0].latestTransmission.receipt.depositId).toEqual(expect.any(String));

    const table = await passerelle(['status', '--dossier', testSiren(0)]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^Déclaration\s+Dossier\s+Clôture\s+Statut\s+Dernière transmission\s+Envoyée le\s+Mise à jour\s+Erreurs$/,
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(
      new RegExp(
        `^${accepted}\\s+SOCIETE 0 .*\\s+Acceptée\\s+Acceptée\\s+\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\s+.*\\s0$`,
      ),
    );
  });

  it('exports the signed file (verified by openssl), the partner receipt and the DGFiP report', async () => {
    const [id] = world.declarationIds;
    const run = await passerelle(['export', '--id', id!, '--out', 'retours']);
    expect(run.code).toBe(0);
    const printed = run.stdout.trimEnd().split('\n');
    expect(printed).toHaveLength(3);
    expect(printed[0]).toMatch(/^retours\/.+\.p7m$/);
    expect(printed[1]).toMatch(/^retours\/.+-accuse-reception\.p7m$/);
    expect(printed[2]).toMatch(/^retours\/.+\.edi$/);
    expect(readdirSync(join(dir, 'retours')).sort()).toEqual(
      printed.map((p) => p.slice('retours/'.length)).sort(),
    );

    // The exported bytes are the very bytes signed and sent, and openssl verifies them.
    const row = await world.t.ctx.db
      .selectFrom('transmissions')
      .select(['signed_bytes', 'id'])
      .where('declaration_id', '=', id!)
      .executeTakeFirstOrThrow();
    const signed = readFileSync(join(dir, printed[0]!));
    expect(signed.equals(Buffer.from(row.signed_bytes))).toBe(true);
    const { chain_pem } = await world.t.ctx.db
      .selectFrom('signatures')
      .select('chain_pem')
      .executeTakeFirstOrThrow();
    writeFileSync(join(dir, 'chaine.pem'), chain_pem);
    const content = execFileSync(
      'openssl',
      [
        ...cmsVerifyArgs(printed[0]!, 'chaine.pem'),
        '-purpose',
        'any',
        '-attime',
        String(Math.floor(world.t.clock.now().getTime() / 1000)),
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    ).toString('latin1');
    expect(content).toMatch(/^UNA:\+,\? 'UNB\+UNOL:3\+/);

    // The receipt is the partner's CMS around a JSON naming our transmission.
    const receipt = execFileSync(
      'openssl',
      ['cms', '-verify', '-noverify', '-binary', '-inform', 'DER', '-in', printed[1]!],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    ).toString();
    expect(JSON.parse(receipt)).toMatchObject({ transmissionId: row.id });
    // The CR is EDIFACT text from the simulated DGFiP.
    expect(readFileSync(join(dir, printed[2]!), 'latin1')).toMatch(/^UNA:\+.*UNB\+/s);
  });

  it('exits 1 when the DGFiP rejects a declaration, with its error lines in French', async () => {
    const id = world.declarationIds[1]!;
    // A declaration the DGFiP refuses although the declarant saw it "prête": an amount in
    // cents on its 2033-A, written behind the validator's back, straight into the row.
    const row = await world.t.ctx.db
      .selectFrom('declarations')
      .select('content')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const content = JSON.parse(row.content);
    content.forms['2033A'][0].FG = 4000.5;
    await world.t.ctx.db
      .updateTable('declarations')
      .set({ content: JSON.stringify(content) })
      .where('id', '=', id)
      .execute();

    const run = await passerelle(['send', '--id', id, '--password-file', signatureFile]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^${id}\\s+SOCIETE 1 .*Rejet partiel$`, 'm'));
    expect(run.stdout).toMatch(
      /^Rejet partiel\u00a0: SOCIETE 1 \(.*\), exercice du 01\/01\/2024 au 31\/12\/2024/m,
    );
    expect(run.stdout).toMatch(
      /^ {2}• Rejet — 2033-A, case FG «\u00a0Résultat de l'exercice\u00a0»\u00a0: .*montant non entier/m,
    );
    expect(run.stdout).toContain('1 déclaration — Rejet partiel : 1');
    noStack(run);
  });

  it('in a terminal: asks the signature password without echo and redraws one progress bar', async () => {
    const ids = world.declarationIds.slice(2, 4);
    const run = await passerelle(['send', ...ids.flatMap((id) => ['--id', id])], {
      pty: true,
      typed: { after: 'Mot de passe de la signature : ', text: `${SIGNATURE_PASSWORD}\r` },
    });
    expect(run.code).toBe(0);
    // What the terminal showed: the prompt, never the password (nor stars).
    expect(run.stdout).toContain('Mot de passe de la signature : ');
    expect(run.stdout).not.toContain(SIGNATURE_PASSWORD);
    expect(run.stdout).not.toContain('****');
    // The bar is redrawn in place (carriage return + erase line) and ends complete.
    expect(run.stdout).toContain('\r\u001b[2K[');
    expect(run.stdout).toMatch(/\[█+\] 2\/2 terminées \(100\u00a0%\)/);
    expect(run.stdout).not.toContain('Envoi : ');
    for (const id of ids) expect(await declarationStatus(id)).toBe('accepted');
  });

  it('with --all-ready --no-wait, stops once everything is at least "Transmise" (exit 0)', async () => {
    const rest = world.declarationIds.slice(4);
    const run = await passerelle([
      'send',
      '--all-ready',
      '--no-wait',
      '--password-file',
      signatureFile,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`À envoyer : ${rest.length} déclarations.`);
    expect(run.stderr).toMatch(/Envoi\u00a0: 2\/2 envoyées/);
    for (const id of rest)
      expect(['transmitted', 'deposited', 'accepted']).toContain(await declarationStatus(id));
    // Nothing "Prête" is left: a second run has nothing to send (exit 2).
    const again = await passerelle(['send', '--all-ready', '--password-file', signatureFile]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('Erreur : Aucune déclaration « Prête » à envoyer.\n');
  });
});
