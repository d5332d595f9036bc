import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { usageError } from '../exit-codes';

/** A password file is a line of text: anything bigger is not one. */
const MAX_BYTES = 64 * 1024;

/**
 * True when the permission bits let only the owner in. Like ssh with a private key, any access
 * for the group or others (mode & 077) disqualifies the file: the password must not be readable
 * by another account, nor replaceable by one.
 */
export function isPrivateMode(mode: number): boolean {
  return (mode & 0o077) === 0;
}

/** `0o100644` → `0644`: the permission bits as `ls -l`/chmod write them. */
export function formatMode(mode: number): string {
  return `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
}

/**
 * The first line of a password file (without its line ending). Refused, before reading a byte,
 * when group or others may access it (on Windows the bits mean nothing and are not checked),
 * when it is not a file (a directory), is too big, or its first line is empty.
 */
export async function readPasswordFile(
  path: string,
  cwd: string,
  platform: NodeJS.Platform = process.platform,
): Promise<string> {
  const full = resolve(cwd, path);
  let handle;
  try {
    handle = await open(full, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw usageError(
      code === 'ENOENT'
        ? `Fichier de mot de passe introuvable : ${path}.`
        : code === 'EACCES'
          ? `Fichier de mot de passe illisible (droits) : ${path}.`
          : `Fichier de mot de passe illisible : ${path} (${code ?? 'erreur'}).`,
    );
  }
  try {
    // fstat of the opened file: what is checked is what is read, even if the path changes.
    const stat = await handle.stat();
    if (stat.isDirectory())
      throw usageError(`${path} est un dossier, pas un fichier de mot de passe.`);
    if (platform !== 'win32' && !isPrivateMode(stat.mode))
      throw usageError(
        `Les droits du fichier de mot de passe ${path} sont trop ouverts (${formatMode(stat.mode)}) : ` +
          `il ne doit être accessible qu’à vous. Corrigez-les avec « chmod 600 ${path} ».`,
      );
    if (stat.isFile() && stat.size > MAX_BYTES)
      throw usageError(`${path} est trop gros pour un fichier de mot de passe.`);
    const bytes = await readAtMost(handle, MAX_BYTES);
    const firstLine = new TextDecoder('utf-8', { fatal: false }).decode(bytes).split(/\r?\n/)[0];
    if (!firstLine) throw usageError(`Le fichier de mot de passe ${path} est vide.`);
    return firstLine;
  } finally {
    await handle.close();
  }
}

/** Reads up to `limit` bytes (a FIFO such as `<(pass show …)` has no size to trust). */
async function readAtMost(
  handle: Awaited<ReturnType<typeof open>>,
  limit: number,
): Promise<Uint8Array> {
  const buffer = new Uint8Array(limit);
  let length = 0;
  while (length < limit) {
    const { bytesRead } = await handle.read(buffer, length, limit - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return buffer.subarray(0, length);
}
