// A pack's files as bytes by relative name, read from a folder (Node) or from an archive
// (.zip, .tar.gz or .tar). Sizes are bounded before anything is decompressed whole.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { parseTar } from 'nanotar';
import { MANIFEST_FILE } from './manifest';
import { PackError } from './pack-error';

/** The files of a pack: relative name (with `/`) → bytes. */
export type PackFiles = Map<string, Uint8Array>;

/** Bound on a pack's total uncompressed size (the 2025 tables weigh 0.9 MB). */
export const MAX_PACK_BYTES = 64 * 1024 * 1024;
/** Bound on a pack's number of files. */
export const MAX_PACK_FILES = 200;

const tooLarge = () =>
  new PackError(`Pack refusé : plus de ${MAX_PACK_BYTES / 1024 / 1024} Mo une fois décompressé.`);
const tooMany = () => new PackError(`Pack refusé : plus de ${MAX_PACK_FILES} fichiers.`);

/** Every regular file under `folder`, hidden ones (`.DS_Store`, `.git`) left out. */
export function readPackFolder(folder: string): PackFiles {
  const files: PackFiles = new Map();
  let total = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) {
        total += stat.size;
        if (total > MAX_PACK_BYTES) throw tooLarge();
        if (files.size >= MAX_PACK_FILES) throw tooMany();
        files.set(relative(folder, path).split(sep).join('/'), new Uint8Array(readFileSync(path)));
      }
    }
  };
  walk(folder);
  return files;
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;
const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;
const isTar = (bytes: Uint8Array) =>
  bytes.length >= 512 && new TextDecoder().decode(bytes.subarray(257, 262)) === 'ustar';

/**
 * The files of a pack archive: zip, gzip-compressed tar or plain tar, recognised by their first
 * bytes. When the manifest is not at the root but in one top folder (`campagne-2026/…`), that
 * folder is the pack's root.
 */
export function readPackArchive(bytes: Uint8Array): PackFiles {
  let entries: [string, Uint8Array][];
  try {
    if (isZip(bytes)) entries = unzipEntries(bytes);
    else if (isGzip(bytes)) entries = tarEntries(gunzip(bytes));
    else if (isTar(bytes)) entries = tarEntries(bytes);
    else throw new PackError('Pack refusé : archive .zip ou .tar.gz attendue.');
  } catch (error) {
    if (error instanceof PackError) throw error;
    throw new PackError(`Pack refusé : archive illisible (${(error as Error).message}).`);
  }
  return rootAtManifest(entries);
}

function gunzip(bytes: Uint8Array): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_PACK_BYTES + 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw error;
  }
}

function unzipEntries(bytes: Uint8Array): [string, Uint8Array][] {
  let total = 0;
  let count = 0;
  const files = unzipSync(bytes, {
    filter: (file) => {
      if (file.name.endsWith('/')) return false;
      total += file.originalSize;
      count += 1;
      if (total > MAX_PACK_BYTES) throw tooLarge();
      if (count > MAX_PACK_FILES) throw tooMany();
      return true;
    },
  });
  return Object.entries(files);
}

function tarEntries(bytes: Uint8Array): [string, Uint8Array][] {
  const items = parseTar(bytes).filter(
    (item) => item.type === 'file' || item.type === 'contiguousFile',
  );
  if (items.length > MAX_PACK_FILES) throw tooMany();
  return items.map((item) => [item.name, item.data ?? new Uint8Array(0)]);
}

function rootAtManifest(entries: [string, Uint8Array][]): PackFiles {
  const clean = entries
    .map(([name, data]): [string, Uint8Array] => [name.replace(/^\.\//, ''), data])
    .filter(([name]) => !name.split('/').some((part) => part.startsWith('.') && part !== ''));
  const manifest = clean.find(
    ([name]) => name === MANIFEST_FILE || name.endsWith(`/${MANIFEST_FILE}`),
  );
  const prefix = manifest ? manifest[0].slice(0, -MANIFEST_FILE.length) : '';
  if (prefix.split('/').length > 2) {
    throw new PackError('Pack refusé : manifest.json doit être à la racine de l’archive.');
  }
  const files: PackFiles = new Map();
  for (const [name, data] of clean) {
    if (!name.startsWith(prefix)) {
      throw new PackError(`Pack refusé : ${name} est hors du dossier du pack (${prefix}).`);
    }
    files.set(name.slice(prefix.length), data);
  }
  return files;
}
