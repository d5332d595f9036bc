// Public API of @passerelle/campaign-packs: the pack store both servers keep in their database.
export { createPackTables, type PackTables } from './db/pack-tables';
export {
  DEFAULT_RECHECK_MS,
  DictionaryRegistry,
  builtInInfo,
  storedInfo,
  type RegistryOptions,
} from './dictionary-registry';
export { checkConflicts, installPack, type InstallInput } from './install-pack';
export { pagePacks, type PackSummaryRow } from './pack-store.repository';
export {
  ServedDictionaries,
  type LoadedPack,
  type PackInfo,
  type ServedMillesime,
} from './served-dictionaries';
