import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Thrown at start when the data folder or one of its files can be read by other accounts of the
 * machine; `runProcess` prints it without a stack trace, like a configuration error.
 */
export class DataPermissionError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      'Droits trop ouverts sur les données : d’autres comptes de cette machine peuvent les lire ' +
        '(données fiscales, empreintes de mots de passe, clés).\n' +
        problems.map((problem) => `  - ${problem}`).join('\n') +
        '\nCorrigez-les avec ces commandes puis relancez ; Passerelle crée ses dossiers en 0700 ' +
        'et ses fichiers en 0600.',
    );
    this.name = 'DataPermissionError';
    this.problems = problems;
  }
}

/** `0o40755` → `0755`: the permission bits as `ls -l` and chmod write them. */
const octal = (mode: number) => (mode & 0o777).toString(8).padStart(4, '0');

/** Windows has no group/other bits to check (Node reports made-up modes there). */
const checked = process.platform !== 'win32';

/** The problem with `path` when group or others have any right on it, else undefined. */
function openToOthers(path: string, kind: 'dossier' | 'fichier'): string | undefined {
  const mode = statSync(path).mode;
  if ((mode & 0o077) === 0) return undefined;
  return `${kind} ${path} (droits ${octal(mode)}) : chmod ${kind === 'dossier' ? 700 : 600} ${path}`;
}

/** Passerelle's own files in a data folder: SQLite databases with their journals, key files. */
const DATA_FILE = /\.(sqlite(-wal|-shm|-journal)?|key)$/;

/**
 * Makes sure `dir` exists and only its owner can enter it: a missing one is created 0700 (with
 * its missing parents), an existing one open to group/others is refused, as is any of `files`,
 * or of the databases and keys already in `dir`, that exists with such rights. Every problem is
 * listed in one {@link DataPermissionError}, so one round of chmod fixes a whole data folder.
 */
export function ensurePrivateData(dir: string, files: readonly string[] = []): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!checked) return;
  const present = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && DATA_FILE.test(entry.name))
    .map((entry) => join(dir, entry.name));
  const all = [...new Set([...files.filter((file) => existsSync(file)), ...present])];
  const problems = [
    openToOthers(dir, 'dossier'),
    ...all.sort().map((file) => openToOthers(file, 'fichier')),
  ].filter((problem): problem is string => problem !== undefined);
  if (problems.length > 0) throw new DataPermissionError(problems);
}
