/**
 * A campaign table that does not follow the expected layout: the data must be checked, not
 * guessed. Names the file, the line and the column (1-based; a JSON file's "line" is the
 * record's rank and its column 1).
 */
export class DictionaryFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
    readonly column = 1,
  ) {
    super(`${file}, ligne ${line}, colonne ${column} : ${reason}`);
    this.name = 'DictionaryFormatError';
  }
}
