// Regenerates the `files` checksums of a pack folder's manifest from the files present, keeping
// every other field: `npm run tdfc:manifest` after adding or changing a file of a built-in pack.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from './check-pack';
import { MANIFEST_FILE, packManifestSchema, type PackManifest } from './manifest';
import { readPackFolder } from './pack-files';

/** The manifest of `folder` with the checksums of its files as they are now. */
export function manifestOfFolder(folder: string): PackManifest {
  const current = packManifestSchema.parse(
    JSON.parse(readFileSync(join(folder, MANIFEST_FILE), 'utf8')),
  );
  const files = [...readPackFolder(folder)]
    .filter(([name]) => name !== MANIFEST_FILE)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, bytes]) => [name, sha256Hex(bytes)] as const);
  return { ...current, files: Object.fromEntries(files) };
}

/** The manifest's text as written to disk (2-space JSON, final newline). */
export const manifestText = (manifest: PackManifest): string =>
  `${JSON.stringify(manifest, null, 2)}\n`;

/** Rewrites the manifest of `folder`; returns true when it changed. */
export function writeManifest(folder: string): boolean {
  const path = join(folder, MANIFEST_FILE);
  const before = readFileSync(path, 'utf8');
  const after = manifestText(manifestOfFolder(folder));
  if (before !== after) writeFileSync(path, after);
  return before !== after;
}
