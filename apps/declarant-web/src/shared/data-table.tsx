// A table of rows: its scrolling wrapper, its caption (hidden unless said), its column headers.
import type { ReactNode } from 'react';
import { TableHead } from './table-head';

/** `<table>` in its wrapper, with a caption, a header row and `children` as the body's rows. */
export function DataTable({
  caption,
  columns,
  showCaption = false,
  className,
  children,
}: {
  caption: string;
  /** The columns' names; a `false` entry is a column not shown. */
  columns: readonly (string | false)[];
  /** Shows the caption (by default only read by screen readers). */
  showCaption?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-wrapper">
      <table className={className}>
        <caption className={showCaption ? undefined : 'visually-hidden'}>{caption}</caption>
        <TableHead columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
