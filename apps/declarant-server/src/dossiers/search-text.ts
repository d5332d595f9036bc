// The form of a raison sociale that the dossiers' search compares: lower case without accents,
// computed here rather than by the engine, whose lower() differs (SQLite lowers ASCII only), so
// "societe generale", "Société Générale" and "SOCIÉTÉ GÉNÉRALE" find each other on both.
// Changing it means a migration recomputing `dossiers.name_search` (0007 filled it first).

/** `text` in lower case, accents and other combining marks removed, spaces collapsed. */
export function searchText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
