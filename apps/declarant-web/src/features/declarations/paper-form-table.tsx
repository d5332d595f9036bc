// A form as printed (2065, 2033-A…G): its sections in the form's order, each a table whose rows
// put the columns side by side (brut / amortissements / net…), every box with its code; a total
// line shows the total computed live from its lines when it differs from the one entered.
import { computeLineTotal, type EditorLayout } from '@passerelle/contracts';
import { TableHead } from '../../shared/table-head';
import { CellSlot, repeatedRowCount, slotProps, type SlotEditing } from './cell-slot';
import { formatAmount } from './declaration-cells';
import type { EditorCell } from './declaration-cells';

type EditorForm = EditorLayout['forms'][number];
type LineTotal = EditorForm['layout']['totals'][number];

/** The sections of `form` as printed. */
export function PaperFormTable({ form, editing }: { form: EditorForm; editing: SlotEditing }) {
  const byCode = new Map(form.cells.map((cell) => [cell.code, cell]));
  const totals = new Map(form.layout.totals.map((total) => [total.total, total]));
  const rowCount = repeatedRowCount(form.cells, editing);
  const valueOf = (code: string) => {
    const cell = byCode.get(code);
    return cell && editing.entryOf(editing.form, editing.occurrence, cell);
  };
  return (
    <div className="paper-form">
      {form.layout.sections.map((section, index) => {
        const headingId = `section-${form.id}-${index}`;
        const columns = section.columns.length > 0 ? section.columns : ['Valeur'];
        return (
          <section key={headingId} aria-labelledby={headingId} className="paper-section">
            <h4 id={headingId}>{section.title}</h4>
            <div className="table-wrapper">
              <table className="cells-table paper-table">
                <TableHead columns={['Ligne', ...columns]} />
                <tbody>
                  {section.rows.map((row, rowIndex) => (
                    <tr key={rowIndex} className={row.total ? 'paper-row is-total' : 'paper-row'}>
                      <th scope="row" className="cell-label">
                        {row.label}
                      </th>
                      {row.cells.map((code, slot) => {
                        const cell = code === null ? undefined : byCode.get(code);
                        if (cell === undefined) return <td key={slot} className="paper-empty" />;
                        return (
                          <td key={slot} className="cell-value">
                            <span className="cell-code">{cell.code}</span>
                            <CellSlot {...slotProps(cell, rowCount, editing)} />
                            <ComputedTotal
                              cell={cell}
                              total={totals.get(cell.code)}
                              valueOf={valueOf}
                            />
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}

/** The total of a line computed from its terms (same rule as the coherence rules, packages/tdfc/src/validate/rules/), if it differs. */
function ComputedTotal({
  cell,
  total,
  valueOf,
}: {
  cell: EditorCell;
  total: LineTotal | undefined;
  valueOf: (code: string) => unknown;
}) {
  if (total === undefined) return null;
  const computed = computeLineTotal(total, valueOf);
  if (computed === undefined || computed === valueOf(cell.code)) return null;
  return <p className="cell-computed">Total calculé : {formatAmount(computed)} €</p>;
}
