import { parseArgs } from 'node:util';
import { isValidSiren } from '@passerelle/contracts';
import { usageError } from './exit-codes';

// The command line: `passerelle [global options] <command> [options]`. Parsed with node:util's
// parseArgs in its lenient mode, then checked token by token so every mistake gets a French
// message naming the option (the strict mode's errors are English).

export const commandNames = ['send', 'status', 'export', 'campaign'] as const;
export type CommandName = (typeof commandNames)[number];

/** Where and as whom to sign in. */
export interface Connection {
  /** Base URL of the declarant server, without a trailing slash. */
  server: string;
  email: string | undefined;
  /** File holding the account password (its first line). */
  accountPasswordFile: string | undefined;
}

/** A dossier named by its SIREN or by its id. */
export type DossierRef = { siren: string } | { id: string };

/** Which declarations `send` takes. */
export type Selection =
  { kind: 'dossier'; dossier: DossierRef } | { kind: 'ids'; ids: string[] } | { kind: 'all-ready' };

export type Invocation =
  | { command: 'help'; topic: CommandName | undefined }
  | { command: 'version' }
  | {
      command: 'send';
      connection: Connection;
      selection: Selection;
      /** Signature id or certificate serial; the user's default one when absent. */
      signature: string | undefined;
      passwordFile: string | undefined;
      /** false with --no-wait: stop once every declaration is at least "Transmise". */
      wait: boolean;
    }
  | {
      command: 'status';
      connection: Connection;
      dossier: DossierRef | undefined;
      ids: string[];
      json: boolean;
    }
  | { command: 'export'; connection: Connection; id: string; out: string }
  | { command: 'campaign'; connection: Connection; action: 'install'; path: string }
  | { command: 'campaign'; connection: Connection; action: 'list' };

type OptionSpec = { type: 'string' | 'boolean'; multiple?: boolean; short?: string };

const globalOptions: Record<string, OptionSpec> = {
  server: { type: 'string' },
  email: { type: 'string' },
  'account-password-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
};

const commandOptions: Record<CommandName, Record<string, OptionSpec>> = {
  send: {
    dossier: { type: 'string' },
    id: { type: 'string', multiple: true },
    'all-ready': { type: 'boolean' },
    signature: { type: 'string' },
    'password-file': { type: 'string' },
    'no-wait': { type: 'boolean' },
  },
  status: {
    dossier: { type: 'string' },
    id: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
  export: {
    id: { type: 'string' },
    out: { type: 'string' },
  },
  campaign: {},
};

export const DEFAULT_SERVER = 'http://127.0.0.1:3000';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the command line (and the PASSERELLE_* variables); throws a usage error (exit 2). */
export function parseInvocation(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Invocation {
  const command = findCommand(argv);
  const options = { ...globalOptions, ...(command ? commandOptions[command] : {}) };
  const { values, tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const help = command ? ` Voir « passerelle ${command} --help ».` : ' Voir « passerelle --help ».';
  let commandSeen = false;
  const operands: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (!commandSeen && isCommand(token.value)) commandSeen = true;
      // `campaign install <path>`, `campaign list`: the one command with operands.
      else if (commandSeen && command === 'campaign' && operands.length < 2)
        operands.push(token.value);
      else if (!commandSeen) throw usageError(`Commande inconnue : « ${token.value} ».${help}`);
      else throw usageError(`Argument inattendu : « ${token.value} ».${help}`);
      continue;
    }
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (!spec) throw usageError(`Option inconnue : ${token.rawName}.${help}`);
    if (spec.type === 'boolean' && token.inlineValue)
      throw usageError(`L’option --${token.name} ne prend pas de valeur.`);
    // Lenient parsing takes "--dossier --json" as the value "--json": that is a missing value.
    const missing =
      token.value === undefined || (!token.inlineValue && token.value.startsWith('--'));
    if (spec.type === 'string' && missing)
      throw usageError(`L’option --${token.name} attend une valeur.${help}`);
  }

  if (values.version) return { command: 'version' };
  if (values.help || !command) return { command: 'help', topic: command };

  const connection: Connection = {
    server: parseServer(text(values.server) ?? env.PASSERELLE_URL ?? DEFAULT_SERVER),
    email: text(values.email) ?? nonEmpty(env.PASSERELLE_EMAIL),
    accountPasswordFile:
      text(values['account-password-file']) ?? nonEmpty(env.PASSERELLE_PASSWORD_FILE),
  };

  if (command === 'send') {
    const ids = parseIds(values.id);
    const dossier = text(values.dossier);
    const chosen = [dossier !== undefined, ids.length > 0, values['all-ready'] === true];
    if (chosen.filter(Boolean).length !== 1)
      throw usageError(
        `Choisissez les déclarations à envoyer avec une seule de ces options : --dossier <SIREN ou id>, --id <id de déclaration> (répétable) ou --all-ready.${help}`,
      );
    const selection: Selection =
      dossier !== undefined
        ? { kind: 'dossier', dossier: parseDossier(dossier) }
        : ids.length > 0
          ? { kind: 'ids', ids }
          : { kind: 'all-ready' };
    return {
      command,
      connection,
      selection,
      signature: text(values.signature),
      passwordFile:
        text(values['password-file']) ?? nonEmpty(env.PASSERELLE_SIGNATURE_PASSWORD_FILE),
      wait: values['no-wait'] !== true,
    };
  }
  if (command === 'status') {
    const dossier = text(values.dossier);
    return {
      command,
      connection,
      dossier: dossier === undefined ? undefined : parseDossier(dossier),
      ids: parseIds(values.id),
      json: values.json === true,
    };
  }
  if (command === 'campaign') return parseCampaign(operands, connection, help);
  const [id, ...others] = parseIds(values.id);
  if (id === undefined || others.length > 0)
    throw usageError(`Indiquez une déclaration : --id <id de déclaration>.${help}`);
  return { command, connection, id, out: text(values.out) ?? '.' };
}

/** `campaign install <folder|archive>` or `campaign list`. */
function parseCampaign(operands: string[], connection: Connection, help: string): Invocation {
  const [action, path] = operands;
  if (action === 'list' && path === undefined) return { command: 'campaign', connection, action };
  if (action === 'install' && path !== undefined && path !== '')
    return { command: 'campaign', connection, action, path };
  throw usageError(
    `Indiquez « campaign install <dossier ou archive .zip/.tar.gz> » ou « campaign list ».${help}`,
  );
}

/** The first positional argument, read with the global options' shapes (so `--server URL` is skipped). */
function findCommand(argv: readonly string[]): CommandName | undefined {
  const { tokens } = parseArgs({
    args: [...argv],
    options: globalOptions,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const first = tokens.find((token) => token.kind === 'positional');
  return first && isCommand(first.value) ? first.value : undefined;
}

function isCommand(value: string): value is CommandName {
  return (commandNames as readonly string[]).includes(value);
}

type OptionValue = string | boolean | (string | boolean)[] | undefined;

function text(value: OptionValue): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** `--id a --id b,c` → [a, b, c], each a UUID, without duplicates. */
export function parseIds(value: OptionValue): string[] {
  const raw = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const ids = raw
    .filter((item): item is string => typeof item === 'string')
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  for (const id of ids)
    if (!UUID.test(id)) throw usageError(`Identifiant de déclaration invalide : « ${id} ».`);
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** A SIREN (9 digits, spaces allowed, key checked) or a dossier id (UUID). */
export function parseDossier(value: string): DossierRef {
  const compact = value.replace(/\s+/g, '');
  if (/^\d{9}$/.test(compact)) {
    if (!isValidSiren(compact))
      throw usageError(`SIREN invalide : « ${value} » (la clé de contrôle ne correspond pas).`);
    return { siren: compact };
  }
  if (UUID.test(compact)) return { id: compact.toLowerCase() };
  throw usageError(
    `Dossier invalide : « ${value} ». Indiquez son SIREN (9 chiffres) ou son identifiant.`,
  );
}

/** The server's base URL: http(s) only, no trailing slash. */
export function parseServer(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usageError(`Adresse du serveur invalide : « ${value} » (par exemple ${DEFAULT_SERVER}).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw usageError(`Adresse du serveur invalide : « ${value} » (http:// ou https:// attendu).`);
  return url.href.replace(/\/+$/, '');
}
