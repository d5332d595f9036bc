import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER, parseInvocation, type Invocation } from './args';
import { CliError, ExitCode } from './exit-codes';

const ID1 = '0b8f6c8e-2f4b-4d7e-9a51-3c2d1e0f9a01';
const ID2 = '5d7a3b2c-1e4f-4a6b-8c9d-0e1f2a3b4c5d';
const DOSSIER_ID = '9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function parse(argv: string[], env: Record<string, string> = {}): Invocation {
  return parseInvocation(argv, env);
}

/** The usage error a command line gets (exit 2), as its message. */
function usage(argv: string[]): string {
  try {
    parse(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.usage);
    return (error as CliError).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('command line', () => {
  it('reads send by dossier SIREN (spaces allowed) with the defaults', () => {
    expect(parse(['send', '--dossier', '732 829 320'])).toEqual({
      command: 'send',
      connection: { server: DEFAULT_SERVER, email: undefined, accountPasswordFile: undefined },
      selection: { kind: 'dossier', dossier: { siren: '732829320' } },
      signature: undefined,
      passwordFile: undefined,
      wait: true,
    });
  });

  it('reads a dossier id, repeated and comma-separated ids, --all-ready and --no-wait', () => {
    expect(parse(['send', `--dossier=${DOSSIER_ID.toUpperCase()}`])).toMatchObject({
      selection: { kind: 'dossier', dossier: { id: DOSSIER_ID } },
    });
    expect(parse(['send', '--id', ID1, '--id', `${ID2},${ID1}`])).toMatchObject({
      selection: { kind: 'ids', ids: [ID1, ID2] },
    });
    expect(
      parse(['send', '--all-ready', '--no-wait', '--signature', 'ab:cd', '--password-file', 'p']),
    ).toMatchObject({
      selection: { kind: 'all-ready' },
      wait: false,
      signature: 'ab:cd',
      passwordFile: 'p',
    });
  });

  it('takes global options before or after the command, and falls back on PASSERELLE_* variables', () => {
    const env = {
      PASSERELLE_URL: 'https://passerelle.cabinet.fr/',
      PASSERELLE_EMAIL: 'bruno@cabinet.fr',
      PASSERELLE_PASSWORD_FILE: '/run/secrets/compte',
      PASSERELLE_SIGNATURE_PASSWORD_FILE: '/run/secrets/signature',
    };
    expect(parse(['send', '--all-ready'], env)).toMatchObject({
      connection: {
        server: 'https://passerelle.cabinet.fr',
        email: 'bruno@cabinet.fr',
        accountPasswordFile: '/run/secrets/compte',
      },
      passwordFile: '/run/secrets/signature',
    });
    const flags = parse(
      ['--server', 'http://10.0.0.5:8080', 'status', '--email', 'a@b.fr', '--json'],
      env,
    );
    expect(flags).toMatchObject({
      command: 'status',
      connection: { server: 'http://10.0.0.5:8080', email: 'a@b.fr' },
      json: true,
      ids: [],
      dossier: undefined,
    });
  });

  it('reads status filters and export with its output folder', () => {
    expect(parse(['status', '--dossier', '732829320', '--id', ID1])).toMatchObject({
      dossier: { siren: '732829320' },
      ids: [ID1],
      json: false,
    });
    expect(parse(['export', '--id', ID1, '--out', 'retours'])).toMatchObject({
      command: 'export',
      id: ID1,
      out: 'retours',
    });
    expect(parse(['export', '--id', ID1])).toMatchObject({ out: '.' });
  });

  it('gives help for no command, --help, -h and a command --help; --version', () => {
    expect(parse([])).toEqual({ command: 'help', topic: undefined });
    expect(parse(['--help'])).toEqual({ command: 'help', topic: undefined });
    expect(parse(['send', '-h'])).toEqual({ command: 'help', topic: 'send' });
    // Help wins over missing options: `send --help` needs no selection.
    expect(parse(['export', '--help'])).toEqual({ command: 'help', topic: 'export' });
    expect(parse(['--version'])).toEqual({ command: 'version' });
  });

  it('refuses a send without exactly one selection', () => {
    expect(usage(['send'])).toContain('une seule de ces options');
    expect(usage(['send', '--all-ready', '--dossier', '732829320'])).toContain(
      'une seule de ces options',
    );
  });

  it('refuses unknown commands and options, missing values, values on switches, stray arguments', () => {
    expect(usage(['envoyer'])).toBe('Commande inconnue : « envoyer ». Voir « passerelle --help ».');
    expect(usage(['send', '--all', '--all-ready'])).toBe(
      'Option inconnue : --all. Voir « passerelle send --help ».',
    );
    // An option of another command is unknown here.
    expect(usage(['export', '--id', ID1, '--json'])).toContain('Option inconnue : --json');
    expect(usage(['send', '--dossier'])).toContain('L’option --dossier attend une valeur.');
    expect(usage(['send', '--dossier', '--all-ready'])).toContain(
      'L’option --dossier attend une valeur.',
    );
    expect(usage(['status', '--json=oui'])).toBe('L’option --json ne prend pas de valeur.');
    expect(usage(['status', 'encore'])).toContain('Argument inattendu : « encore »');
  });

  it('refuses malformed ids, SIRENs with a wrong key, other dossier values and bad server URLs', () => {
    expect(usage(['send', '--id', 'abc'])).toBe('Identifiant de déclaration invalide : « abc ».');
    expect(usage(['send', '--dossier', '732829321'])).toContain('SIREN invalide');
    expect(usage(['send', '--dossier', 'Boulangerie'])).toContain('Dossier invalide');
    expect(usage(['--server', 'ftp://x', 'status'])).toContain('http:// ou https://');
    expect(usage(['--server', 'pas une url', 'status'])).toContain('Adresse du serveur invalide');
    expect(usage(['export'])).toContain('Indiquez une déclaration');
  });
});
