import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Thrown when the environment is invalid; `problems` lists every one, not just the first. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Reads the variables named by `shape` from `env`, where any `NAME` may instead come from the
 * file named by `NAME_FILE` (for secrets mounted as files), validates them all and returns a
 * frozen object. Every problem is collected before throwing {@link ConfigError}.
 */
export function loadConfig<T extends z.ZodRawShape>(
  shape: T,
  env: NodeJS.ProcessEnv = process.env,
): Readonly<z.output<z.ZodObject<T>>> {
  const problems: string[] = [];
  const raw: Record<string, string | undefined> = {};
  for (const name of Object.keys(shape)) {
    const direct = env[name];
    const file = env[`${name}_FILE`];
    if (direct !== undefined && file !== undefined) {
      problems.push(`${name} et ${name}_FILE sont tous deux définis : n’en gardez qu’un.`);
      continue;
    }
    if (file !== undefined) {
      try {
        raw[name] = readFileSync(file, 'utf8').trim();
      } catch (error) {
        problems.push(
          `${name}_FILE : fichier illisible (${(error as NodeJS.ErrnoException).code}).`,
        );
      }
      continue;
    }
    raw[name] = direct === '' ? undefined : direct;
  }
  const result = z.object(shape).safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push(`${issue.path.join('.')} : ${issue.message}`);
    }
  }
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return Object.freeze(result.data);
}

/** An integer variable within bounds, with a default. */
export const intVar = (defaultValue: number, min: number, max: number) =>
  z.coerce
    .number({ error: 'doit être un nombre entier' })
    .int('doit être un nombre entier')
    .min(min, `doit valoir au moins ${min}`)
    .max(max, `doit valoir au plus ${max}`)
    .default(defaultValue);

/** A boolean variable written `true`/`false`/`1`/`0`. */
export const boolVar = (defaultValue: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { error: 'doit valoir true ou false' })
    .default(defaultValue ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');

/** An absolute http(s) URL without a trailing slash. */
export const urlVar = () =>
  z
    .url({ protocol: /^https?$/, error: 'doit être une URL http(s) absolue' })
    .transform((value) => value.replace(/\/+$/, ''));

/** One host name or bracketed IPv6 address, without scheme nor port. */
const HOST_NAME = String.raw`(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])`;

/**
 * Host names separated by commas (`passerelle.cabinet.fr, passerelle`), without scheme nor
 * port; read lower-cased; unset is none.
 */
export const allowedHostsVar = () =>
  z
    .string()
    .regex(
      new RegExp(`^\\s*${HOST_NAME}(\\s*,\\s*${HOST_NAME})*\\s*$`, 'i'),
      'noms d’hôte séparés par des virgules, sans schéma ni port (ex. passerelle.cabinet.fr)',
    )
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean),
    );
