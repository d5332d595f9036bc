/** A campaign table that does not follow the expected layout: the data must be checked, not guessed. */
export class DictionaryFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}, ligne ${line} : ${reason}`);
    this.name = 'DictionaryFormatError';
  }
}
