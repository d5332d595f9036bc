// The dictionaries one server instance serves, kept on its context (never in a module): rebuilt
// when the store's version changes, which it checks at most every `recheckMs` — and at once when
// a millésime is asked for that no pack serves, so a pack installed by another instance serves
// there on its first use, without a restart.
import type { Kysely } from 'kysely';
import { checkPack, type CheckedPack, type PackManifest } from '@passerelle/tdfc';
import type { PackTables } from './db/pack-tables';
import { allPacks, packContent, packsVersion, type PackSummaryRow } from './pack-store.repository';
import {
  ServedDictionaries,
  type LoadedPack,
  type PackInfo,
  type ServedMillesime,
} from './served-dictionaries';

/** How often, at most, an instance asks the database whether packs were installed. */
export const DEFAULT_RECHECK_MS = 5_000;

export interface RegistryOptions {
  /** The packs shipped with the release (`builtInPacks()` of @passerelle/tdfc). */
  builtIn: readonly CheckedPack[];
  recheckMs?: number;
  logger?: { error(details: object, message: string): void };
}

/** The info of a built-in pack. */
export const builtInInfo = (manifest: PackManifest): PackInfo => ({
  id: `builtin-${manifest.campaign}-${manifest.edition}`,
  campaign: manifest.campaign,
  edition: manifest.edition,
  correction: manifest.correction ?? false,
  millesimes: manifest.millesimes,
  source: manifest.source,
  publishedAt: manifest.publishedAt ?? null,
  installedAt: null,
  installedBy: null,
  builtIn: true,
});

/** The info of a stored pack. */
export const storedInfo = (row: PackSummaryRow, correction = false): PackInfo => ({
  id: row.id,
  campaign: row.campaign,
  edition: Number(row.edition),
  correction,
  millesimes: row.millesimes.split(','),
  source: row.source,
  publishedAt: row.published_at,
  installedAt: row.installed_at,
  installedBy: row.installed_by,
  builtIn: false,
});

export class DictionaryRegistry {
  private snapshot: ServedDictionaries | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<ServedDictionaries> | undefined;
  /** Stored packs already built, by id: a pack never changes once stored. */
  private readonly loaded = new Map<string, LoadedPack>();
  private readonly builtIn: LoadedPack[];

  constructor(
    private readonly db: Kysely<PackTables>,
    private readonly options: RegistryOptions,
  ) {
    this.builtIn = options.builtIn.map((pack) => ({
      info: builtInInfo(pack.manifest),
      dictionary: pack.dictionary,
    }));
  }

  /** The packs served now (checked against the store at most every `recheckMs`). */
  async current(): Promise<ServedDictionaries> {
    const recheck = this.options.recheckMs ?? DEFAULT_RECHECK_MS;
    if (this.snapshot && performance.now() - this.checkedAt < recheck) return this.snapshot;
    return this.refresh();
  }

  /** What serves `millesime`; an unknown one makes the store be read again first. */
  async forMillesime(millesime: string): Promise<ServedMillesime | undefined> {
    const served = (await this.current()).forMillesime(millesime);
    return served ?? (await this.refresh()).forMillesime(millesime);
  }

  /** Reads the store's version now and rebuilds what changed (one refresh at a time). */
  refresh(): Promise<ServedDictionaries> {
    this.refreshing ??= this.reload().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async reload(): Promise<ServedDictionaries> {
    const version = await packsVersion(this.db);
    this.checkedAt = performance.now();
    if (this.snapshot?.version === version) return this.snapshot;
    const stored: LoadedPack[] = [];
    for (const row of await allPacks(this.db)) {
      const pack = this.loaded.get(row.id) ?? (await this.load(row));
      if (pack) stored.push(pack);
    }
    this.snapshot = new ServedDictionaries(version, [...this.builtIn, ...stored]);
    return this.snapshot;
  }

  /** Builds a stored pack; one that no longer passes the checks is logged and left out. */
  private async load(row: PackSummaryRow): Promise<LoadedPack | undefined> {
    const content = await packContent(this.db, row.id);
    if (!content) return undefined;
    try {
      const pack = checkPack(
        new Map(content.files.map((f) => [f.name, new Uint8Array(f.content)])),
      );
      const loaded = {
        info: storedInfo(row, pack.manifest.correction),
        dictionary: pack.dictionary,
      };
      this.loaded.set(row.id, loaded);
      return loaded;
    } catch (error) {
      this.options.logger?.error(
        { packId: row.id, err: error },
        'pack de campagne stocké illisible : ignoré',
      );
      return undefined;
    }
  }
}
