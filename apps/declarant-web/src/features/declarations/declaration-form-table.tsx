// One form occurrence of the liasse editor: as printed (paper-form-table.tsx) when the form's
// layout is known, else a table of its cells (code, label, input) in the form's order.
import type { EditorLayout } from '@passerelle/contracts';
import { TableHead } from '../../shared/table-head';
import { CellSlot, repeatedRowCount, slotProps, type SlotEditing } from './cell-slot';
import { PaperFormTable } from './paper-form-table';

type EditorForm = EditorLayout['forms'][number];

type FormTableProps = Omit<SlotEditing, 'form'> & { form: EditorForm };

/** The cells of `form` (occurrence `occurrence`). */
export function DeclarationFormTable({ form, ...rest }: FormTableProps) {
  const editing: SlotEditing = { ...rest, form: form.id };
  if (form.cells.length === 0)
    return <p>Aucune case connue pour ce formulaire dans le millésime de la déclaration.</p>;
  if (form.layout.kind === 'paper') return <PaperFormTable form={form} editing={editing} />;
  const rowCount = repeatedRowCount(form.cells, editing);
  return (
    <div className="table-wrapper">
      <table className="cells-table">
        <caption className="visually-hidden">Cases du formulaire {form.label}</caption>
        <TableHead columns={['Case', 'Libellé', 'Valeur']} />
        <tbody>
          {form.cells.map((cell) => {
            const slot = slotProps(cell, rowCount, editing);
            return (
              <tr key={cell.code} className={slot.hasError ? 'cell-row has-error' : 'cell-row'}>
                <td className="cell-code">{cell.code}</td>
                <th scope="row" className="cell-label">
                  {cell.label}
                </th>
                <td className="cell-value">
                  <CellSlot {...slot} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
