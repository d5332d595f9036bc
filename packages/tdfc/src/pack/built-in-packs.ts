// The packs that ship with Passerelle (`packages/tdfc/data/<campaign>/`), checked like any
// uploaded pack (manifest, checksums, every line) the first time they are asked for. The cache
// holds files of the release, never changed while the process runs.
import { fileURLToPath } from 'node:url';
import { CAMPAIGNS, type Campaign } from '../dictionary/types';
import { checkPack, type CheckedPack } from './check-pack';
import { readPackFolder } from './pack-files';

const cache = new Map<string, CheckedPack>();

/** Folder of a built-in pack. */
export const builtInPackFolder = (campaign: string): string =>
  fileURLToPath(new URL(`../../data/${campaign}/`, import.meta.url));

/** One built-in pack, checked and built once per process. */
export function builtInPack(campaign: Campaign): CheckedPack {
  const cached = cache.get(campaign);
  if (cached) return cached;
  const pack = checkPack(readPackFolder(builtInPackFolder(campaign)));
  cache.set(campaign, pack);
  return pack;
}

/** Every built-in pack, checked and built once per process. */
export function builtInPacks(): readonly CheckedPack[] {
  return CAMPAIGNS.map(builtInPack);
}
