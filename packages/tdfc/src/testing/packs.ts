// Campaign packs for tests: the built-in 2025 pack as files, a SYNTHETIC future campaign made
// from it (every millésime moved one year on: 25 → 26…), its archives, and broken variants.
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { createTar } from 'nanotar';
import { sha256Hex } from '../pack/check-pack';
import { builtInPackFolder } from '../pack/built-in-packs';
import { MANIFEST_FILE, tableFileNames, type PackManifest } from '../pack/manifest';
import { readPackFolder, type PackFiles } from '../pack/pack-files';

/** The built-in 2025 pack's files (a fresh copy). */
export const builtInPackFiles = (): PackFiles => readPackFolder(builtInPackFolder('2025'));

const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);
const fromLatin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Millésime `mm` moved `shift` years on. */
const moved = (millesime: string, shift: number) =>
  String(Number(millesime) + shift).padStart(2, '0');

/** Every line's columns 11–12 (the millésime) moved `shift` years on. */
const shiftTable = (text: string, shift: number) =>
  text
    .split('\n')
    .map((line) =>
      line.trim() === ''
        ? line
        : line.slice(0, 10) + moved(line.slice(10, 12), shift) + line.slice(12),
    )
    .join('\n');

/** The manifest of a pack's files. */
export function manifestOf(files: PackFiles): PackManifest {
  return JSON.parse(new TextDecoder().decode(files.get(MANIFEST_FILE))) as PackManifest;
}

/** Writes `manifest` into `files`, the checksums recomputed unless `keepChecksums`. */
export function withManifest(
  files: PackFiles,
  change: (manifest: PackManifest) => PackManifest,
  keepChecksums = false,
): PackFiles {
  const next = change(manifestOf(files));
  if (!keepChecksums) {
    next.files = Object.fromEntries(
      [...files]
        .filter(([name]) => name !== MANIFEST_FILE)
        .map(([name, bytes]) => [name, sha256Hex(bytes)]),
    );
  }
  const out = new Map(files);
  out.set(MANIFEST_FILE, utf8(`${JSON.stringify(next, null, 2)}\n`));
  return out;
}

/**
 * A SYNTHETIC campaign pack (not published by the DGFiP): the 2025 tables with every millésime
 * moved `shift` years on, as campaign 2025 + shift serving only its newest millésime
 * (shift 1: campaign 2026, millésime 26 = exercises closed in 2025).
 */
export function syntheticFuturePack(shift = 1, edition = 1): PackFiles {
  const source = builtInPackFiles();
  const from = tableFileNames('2025');
  const campaign = String(2025 + shift);
  const to = tableFileNames(campaign);
  const files: PackFiles = new Map();
  files.set(to.forms, fromLatin1(shiftTable(latin1(source.get(from.forms)!), shift)));
  files.set(to.data, fromLatin1(shiftTable(latin1(source.get(from.data)!), shift)));
  files.set(to.values, source.get(from.values)!);
  for (const [name, bytes] of source) {
    if (!name.startsWith('labels/')) continue;
    const records = JSON.parse(new TextDecoder().decode(bytes)) as { millesime: string }[];
    const shifted = records.map((r) => ({ ...r, millesime: moved(r.millesime, shift) }));
    files.set(name, utf8(JSON.stringify(shifted)));
  }
  files.set(MANIFEST_FILE, source.get(MANIFEST_FILE)!);
  return withManifest(files, (manifest) => ({
    ...manifest,
    campaign,
    edition,
    millesimes: [moved('25', shift)],
    source: `Pack SYNTHÉTIQUE de test : tables 2025 décalées de ${shift} an(s)`,
  }));
}

/** A copy of `files` with one file's text replaced (checksums recomputed unless told). */
export function withFileText(
  files: PackFiles,
  name: string,
  change: (text: string) => string,
  keepChecksums = false,
): PackFiles {
  const out = new Map(files);
  const bytes = files.get(name)!;
  // The tables are Latin-1, the JSON files UTF-8.
  if (name.endsWith('.edi')) out.set(name, fromLatin1(change(latin1(bytes))));
  else out.set(name, utf8(change(new TextDecoder().decode(bytes))));
  return keepChecksums ? out : withManifest(out, (manifest) => manifest);
}

/** The files as a .zip archive, under an optional top folder. */
export const zipPack = (files: PackFiles, folder = ''): Uint8Array =>
  zipSync(Object.fromEntries([...files].map(([name, bytes]) => [folder + name, bytes])));

/** The files as a .tar.gz archive, under an optional top folder. */
export const tarGzPack = (files: PackFiles, folder = ''): Uint8Array =>
  new Uint8Array(
    gzipSync(createTar([...files].map(([name, data]) => ({ name: folder + name, data })))),
  );
