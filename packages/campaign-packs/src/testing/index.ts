// Test support of @passerelle/campaign-packs, reached as `@passerelle/campaign-packs/testing`.
import { builtInPacks } from '@passerelle/tdfc';
import type { Kysely } from 'kysely';
import type { PackTables } from '../db/pack-tables';
import { DictionaryRegistry } from '../dictionary-registry';

/** A registry over `db` with the built-in packs, checking the store on every use. */
export const testRegistry = (db: Kysely<PackTables>, recheckMs = 0): DictionaryRegistry =>
  new DictionaryRegistry(db, { builtIn: builtInPacks(), recheckMs });
