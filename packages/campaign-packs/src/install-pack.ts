// Installing a pack: every check of the pack itself, then the millésimes it would serve against
// those already served, then the pack and its files in one transaction — all or nothing.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Dialect } from '@passerelle/server-kit';
import {
  MANIFEST_FILE,
  PackError,
  checkPack,
  type PackFiles,
  type PackManifest,
} from '@passerelle/tdfc';
import type { PackTables } from './db/pack-tables';
import type { DictionaryRegistry } from './dictionary-registry';
import { storedInfo } from './dictionary-registry';
import { allPacks, insertPack, lockPackStore } from './pack-store.repository';
import type { PackInfo } from './served-dictionaries';

const refuse = (reason: string): never => {
  throw new PackError(`Pack refusé, rien n’est installé : ${reason}`, MANIFEST_FILE);
};

const named = (pack: Pick<PackInfo, 'campaign' | 'edition' | 'builtIn'>) =>
  `la campagne ${pack.campaign} (édition ${pack.edition}${pack.builtIn ? ', livrée avec Passerelle' : ''})`;

/**
 * Refuses a pack that is already installed, older than an installed edition of its campaign, or
 * that would serve a millésime served by another pack — unless it is a corrected edition
 * (`correction: true`) of the campaign serving it.
 */
export function checkConflicts(manifest: PackManifest, installed: readonly PackInfo[]): void {
  for (const pack of installed) {
    if (pack.campaign !== manifest.campaign) continue;
    if (pack.edition === manifest.edition) refuse(`${named(pack)} est déjà installée.`);
    if (pack.edition > manifest.edition) {
      refuse(`une édition plus récente est installée : ${named(pack)}.`);
    }
  }
  for (const millesime of manifest.millesimes) {
    for (const pack of installed.filter((p) => p.millesimes.includes(millesime))) {
      if (pack.campaign !== manifest.campaign) {
        refuse(
          `le millésime ${millesime} est déjà servi par ${named(pack)} ; seule une édition corrigée de cette campagne peut le redéfinir.`,
        );
      }
      if (!manifest.correction) {
        refuse(
          `le millésime ${millesime} est déjà servi par ${named(pack)} : une nouvelle édition de la même campagne doit être marquée comme édition corrigée (« correction »: true dans manifest.json).`,
        );
      }
    }
  }
}

export interface InstallInput {
  files: PackFiles;
  installedBy: string;
  at: Date;
  /** The store's dialect: installations are serialised across instances. */
  dialect: Dialect;
}

/**
 * Checks and stores a pack, then rebuilds the registry of this instance (the others see the new
 * store version on their next check). Throws `PackError` (French) when refused.
 */
export async function installPack(
  db: Kysely<PackTables>,
  registry: DictionaryRegistry,
  input: InstallInput,
): Promise<PackInfo> {
  const pack = checkPack(input.files);
  const { manifest } = pack;
  const row = {
    id: randomUUID(),
    campaign: manifest.campaign,
    edition: manifest.edition,
    millesimes: manifest.millesimes.join(','),
    source: manifest.source,
    published_at: manifest.publishedAt ?? null,
    installed_at: input.at.toISOString(),
    installed_by: input.installedBy,
    manifest: JSON.stringify(manifest),
  };
  const builtIn = (await registry.current()).packs.filter((p) => p.info.builtIn).map((p) => p.info);
  try {
    await db.transaction().execute(async (tx) => {
      await lockPackStore(tx, input.dialect);
      const stored = (await allPacks(tx)).map((r) => storedInfo(r));
      checkConflicts(manifest, [...builtIn, ...stored]);
      const files = [...input.files].map(([name, content]) => ({ name, content }));
      await insertPack(tx, row, files);
    });
  } catch (error) {
    if (error instanceof PackError) throw error;
    // Two installs of one edition at the same moment: the unique key refuses the second.
    const again = (await allPacks(db)).some(
      (r) => r.campaign === manifest.campaign && Number(r.edition) === manifest.edition,
    );
    if (again)
      refuse(`la campagne ${manifest.campaign} (édition ${manifest.edition}) est déjà installée.`);
    throw error;
  }
  await registry.refresh();
  return storedInfo(row, manifest.correction);
}
