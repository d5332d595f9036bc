// Checks a campaign pack whole before anything is stored: manifest, checksums, every line of the
// tables through the strict parsers, the value tables that CCI cells refer to, the labels' cells.
// The first problem refuses the pack with a French reason naming file, line and column.
import { createHash } from 'node:crypto';
import { buildDictionary } from '../dictionary/build-dictionary';
import { DictionaryFormatError } from '../dictionary/dictionary-format-error';
import type { TdfcDictionary } from '../dictionary/types';
import { MANIFEST_FILE, packManifestSchema, tableFileNames, type PackManifest } from './manifest';
import { PackError } from './pack-error';
import type { PackFiles } from './pack-files';

/** A pack that passed every check, with its dictionary built. */
export interface CheckedPack {
  manifest: PackManifest;
  dictionary: TdfcDictionary;
  files: PackFiles;
}

export const sha256Hex = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

const refuse = (reason: string, file?: string, line?: number, column?: number): never => {
  throw new PackError(`Pack refusé, rien n’est installé : ${reason}`, file, line, column);
};

/** The manifest of a pack, read and checked against its schema. */
export function readManifest(files: PackFiles): PackManifest {
  const bytes = files.get(MANIFEST_FILE);
  if (!bytes) return refuse('manifest.json absent de la racine du pack.', MANIFEST_FILE);
  const json = parseJson(bytes, MANIFEST_FILE);
  const parsed = packManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const where = path.length > 0 ? `champ « ${path.join('.')} »` : 'manifeste';
    return refuse(`${MANIFEST_FILE}, ${where} : ${issue?.message ?? 'invalide'}.`, MANIFEST_FILE);
  }
  return parsed.data;
}

function parseJson(bytes: Uint8Array, file: string): unknown {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const where = /line (\d+) column (\d+)/.exec((error as Error).message);
    const line = where ? Number(where[1]) : 1;
    const column = where ? Number(where[2]) : 1;
    return refuse(
      `${file}, ligne ${line}, colonne ${column} : JSON illisible.`,
      file,
      line,
      column,
    );
  }
}

function checkFiles(manifest: PackManifest, files: PackFiles): void {
  const names = tableFileNames(manifest.campaign);
  for (const required of [names.forms, names.data, names.values]) {
    if (!(required in manifest.files)) {
      refuse(`${required} manque dans la liste des fichiers du manifeste.`, MANIFEST_FILE);
    }
  }
  for (const [name, expected] of Object.entries(manifest.files)) {
    const bytes = files.get(name);
    if (!bytes) refuse(`${name}, listé dans le manifeste, est absent du pack.`, name);
    else if (sha256Hex(bytes) !== expected) {
      refuse(`${name} : empreinte SHA-256 différente de celle du manifeste.`, name);
    }
  }
  for (const name of files.keys()) {
    if (name !== MANIFEST_FILE && !(name in manifest.files)) {
      refuse(`${name} n’est pas listé dans le manifeste.`, name);
    }
  }
}

/**
 * Checks every part of a pack and builds its dictionary; throws `PackError` (French, with file,
 * line and column) on the first problem.
 */
export function checkPack(files: PackFiles): CheckedPack {
  const manifest = readManifest(files);
  checkFiles(manifest, files);
  const names = tableFileNames(manifest.campaign);
  // Every listed file is there (checkFiles).
  const bytesOf = (name: string) => files.get(name) ?? new Uint8Array(0);
  const latin1 = (name: string) => new TextDecoder('latin1').decode(bytesOf(name));
  const labelFiles = [...files.keys()]
    .filter((name) => name.startsWith('labels/') && name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, json: parseJson(bytesOf(name), name) }));
  const dataTable = latin1(names.data);
  let dictionary: TdfcDictionary;
  try {
    dictionary = buildDictionary({
      campaign: manifest.campaign,
      formsTable: latin1(names.forms),
      dataTable,
      valueTables: parseJson(bytesOf(names.values), names.values),
      labelFiles,
      fileNames: { forms: names.forms, data: names.data },
    });
  } catch (error) {
    if (error instanceof DictionaryFormatError) {
      return refuse(`${error.message}.`, error.file, error.line, error.column);
    }
    throw error;
  }
  for (const millesime of manifest.millesimes) {
    if (!dictionary.millesimes.includes(millesime)) {
      refuse(
        `${MANIFEST_FILE} : le millésime ${millesime} n’est pas dans ${names.forms} (millésimes présents : ${dictionary.millesimes.join(', ')}).`,
        MANIFEST_FILE,
      );
    }
  }
  checkValueTables(dictionary, dataTable, names.data, manifest.unpublishedTables ?? []);
  for (const file of labelFiles) checkLabels(dictionary, file.name, file.json);
  return { manifest, dictionary, files };
}

/** Every value table a CCI line names exists in tables.json, or is declared unpublished. */
function checkValueTables(
  dictionary: TdfcDictionary,
  dataTable: string,
  file: string,
  unpublished: readonly string[],
): void {
  dataTable.split('\n').forEach((line, index) => {
    if (line.slice(14, 17) !== 'CCI') return;
    const table = line.slice(21, 24).trim();
    if (!dictionary.table(table) && !unpublished.includes(table)) {
      refuse(
        `${file}, ligne ${index + 1}, colonne 22 : table de valeurs ${table} absente de tables.json.`,
        file,
        index + 1,
        22,
      );
    }
  });
}

/** Every label record (but the `SUPPRESSION` ones) names a cell of the tables. */
function checkLabels(dictionary: TdfcDictionary, file: string, json: unknown): void {
  (json as Record<string, unknown>[]).forEach((record, index) => {
    if (record.change === 'SUPPRESSION') return;
    // buildDictionary has checked that these fields are texts.
    const {
      millesime = '',
      form = '',
      code = '',
      segment = '',
    } = record as Record<string, string | undefined>;
    const cell = dictionary.cell(millesime, form, code);
    if (!cell || cell.segment !== segment) {
      refuse(
        `${file}, enregistrement ${index + 1} : la case ${form} ${code} (${segment}, millésime ${millesime}) n’existe pas dans les tables.`,
        file,
        index + 1,
        1,
      );
    }
  });
}
