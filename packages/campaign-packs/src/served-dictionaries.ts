// Which pack serves which millésime, at one version of the store: for a millésime, the newest
// edition of the packs listing it (built-in packs count as installed). Immutable once built.
import type { TdfcDictionary } from '@passerelle/tdfc';

/** An installed (or built-in) pack as the rest of the app sees it. */
export interface PackInfo {
  /** `builtin-2025` for a pack shipped with Passerelle, else the stored pack's id. */
  id: string;
  campaign: string;
  edition: number;
  correction: boolean;
  millesimes: readonly string[];
  source: string;
  publishedAt: string | null;
  /** Null for a built-in pack. */
  installedAt: string | null;
  installedBy: string | null;
  builtIn: boolean;
}

/** A pack and its built dictionary. */
export interface LoadedPack {
  info: PackInfo;
  dictionary: TdfcDictionary;
}

/** What serves one millésime. */
export interface ServedMillesime {
  millesime: string;
  pack: PackInfo;
  dictionary: TdfcDictionary;
}

/** Newest edition first; then newest campaign, then latest installation. */
const newestFirst = (a: PackInfo, b: PackInfo): number =>
  b.edition - a.edition ||
  Number(b.campaign) - Number(a.campaign) ||
  (b.installedAt ?? '').localeCompare(a.installedAt ?? '');

/** The dictionaries served at one version of the pack store. */
export class ServedDictionaries {
  readonly millesimes: readonly string[];
  /** One dictionary over every served millésime (each delegated to its pack's). */
  readonly combined: TdfcDictionary;
  private readonly byMillesime = new Map<string, ServedMillesime>();

  constructor(
    readonly version: string,
    readonly packs: readonly LoadedPack[],
  ) {
    for (const pack of [...packs].sort((a, b) => newestFirst(a.info, b.info))) {
      for (const millesime of pack.info.millesimes) {
        if (!this.byMillesime.has(millesime)) {
          this.byMillesime.set(millesime, {
            millesime,
            pack: pack.info,
            dictionary: pack.dictionary,
          });
        }
      }
    }
    this.millesimes = [...this.byMillesime.keys()].sort().reverse();
    this.combined = combine(this);
  }

  /** What serves `millesime`, or undefined when no pack does. */
  forMillesime(millesime: string): ServedMillesime | undefined {
    return this.byMillesime.get(millesime);
  }

  /** Every served millésime with its pack, newest first. */
  served(): ServedMillesime[] {
    return this.millesimes.flatMap((m) => this.byMillesime.get(m) ?? []);
  }
}

/**
 * A `TdfcDictionary` over every served millésime: each question about a millésime goes to the
 * pack serving it; value tables (no millésime) come from the newest campaign that has them.
 */
function combine(served: ServedDictionaries): TdfcDictionary {
  const of = (millesime: string) => served.forMillesime(millesime)?.dictionary;
  const byCampaign = [...served.packs].sort((a, b) => newestFirst(a.info, b.info));
  const campaigns = [...new Set(byCampaign.map((p) => p.info.campaign))];
  return {
    campaign: campaigns.join(' et '),
    millesimes: served.millesimes,
    form: (m, id) => of(m)?.form(m, id),
    forms: (m) => of(m)?.forms(m) ?? [],
    cell: (m, id, code) => of(m)?.cell(m, id, code),
    cells: (m, id) => of(m)?.cells(m, id) ?? [],
    table: (name) => {
      for (const pack of byCampaign) {
        const table = pack.dictionary.table(name);
        if (table) return table;
      }
      return undefined;
    },
    formsFor: (m, taxation, category, regime, documentCode) =>
      of(m)?.formsFor(m, taxation, category, regime, documentCode) ?? [],
  };
}
