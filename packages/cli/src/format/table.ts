/** Characters a terminal shows: combining marks take no column once composed (NFC). */
function displayWidth(text: string): number {
  return [...text.normalize('NFC')].length;
}

/**
 * A plain-text table: a header row, a rule, then the rows, columns padded to their widest cell
 * (the last column is not padded, so lines carry no trailing spaces).
 */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]) {
  const widths = headers.map((header, column) =>
    Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[column] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1
          ? cell
          : cell + ' '.repeat((widths[column] ?? 0) - displayWidth(cell)),
      )
      .join('  ')
      .trimEnd();
  return [
    line(headers),
    line(widths.map((width) => '─'.repeat(width))),
    ...rows.map((row) => line(row)),
  ].join('\n');
}
