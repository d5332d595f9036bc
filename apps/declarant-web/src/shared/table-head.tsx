// The header row of a table: one column header (scope="col") per name.
/** `<thead>` with the columns' names; a `false` entry is a column the table does not show. */
export function TableHead({ columns }: { columns: readonly (string | false)[] }) {
  return (
    <thead>
      <tr>
        {columns.map(
          (column) =>
            column !== false && (
              <th key={column} scope="col">
                {column}
              </th>
            ),
        )}
      </tr>
    </thead>
  );
}
