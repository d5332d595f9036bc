// The dictionary of a campaign shipped with Passerelle: its built-in pack's (read, checked and
// built once per process by `builtInPack`; later calls are free).
import { builtInPack } from '../pack/built-in-packs';
import type { Campaign, TdfcDictionary } from './types';

/** The dictionary of a built-in campaign, parsed on first use and then shared. */
export function loadDictionary(campaign: Campaign): TdfcDictionary {
  return builtInPack(campaign).dictionary;
}
