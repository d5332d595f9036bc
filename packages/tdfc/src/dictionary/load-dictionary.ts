// Reads a campaign's tables from this package's `data/` folder (Node only) and caches the parsed
// dictionary: parsing takes a few tens of milliseconds, every later call is free.
import { readFileSync, readdirSync } from 'node:fs';
import { buildDictionary } from './build-dictionary';
import type { Campaign, TdfcDictionary } from './types';

const cache = new Map<Campaign, TdfcDictionary>();

/** Folder of a campaign's tables (`packages/tdfc/data/<campaign>/`). */
export function campaignDataUrl(campaign: Campaign): URL {
  return new URL(`../../data/${campaign}/`, import.meta.url);
}

/** The dictionary of a campaign, parsed on first use and then shared. */
export function loadDictionary(campaign: Campaign): TdfcDictionary {
  const cached = cache.get(campaign);
  if (cached) return cached;
  const folder = campaignDataUrl(campaign);
  const year = campaign.slice(2);
  const read = (name: string): string => readFileSync(new URL(name, folder), 'latin1');
  const labelsFolder = new URL('labels/', folder);
  const labelFiles = readdirSync(labelsFolder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({
      name: `labels/${name}`,
      json: JSON.parse(readFileSync(new URL(name, labelsFolder), 'utf8')) as unknown,
    }));
  const dictionary = buildDictionary({
    campaign,
    formsTable: read(`tdfc${year}f.edi`),
    dataTable: read(`tdfc${year}d.edi`),
    valueTables: JSON.parse(readFileSync(new URL('tables.json', folder), 'utf8')) as unknown,
    labelFiles,
  });
  cache.set(campaign, dictionary);
  return dictionary;
}
