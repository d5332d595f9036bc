/**
 * A campaign pack refused at installation: the French reason names the file and, for a table,
 * the line and the column. Nothing of a refused pack is stored.
 */
export class PackError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'PackError';
  }
}
