// The errors of a CONTRL or an INFENT CR as a readable table: Formulaire, Case, Libellé,
// Message, Gravité ("Rejet" blocks, "Alerte" informs).
import type { DepositError } from '@passerelle/contracts';
import { errorRows } from './transmission-labels';
import { DataTable } from '../../shared/data-table';

/** The table, rejections first; nothing when there is no error. */
export function TransmissionErrors({
  errors,
  caption,
}: {
  errors: readonly DepositError[];
  caption: string;
}) {
  if (errors.length === 0) return null;
  return (
    <DataTable
      caption={caption}
      columns={['Formulaire', 'Case', 'Libellé', 'Message', 'Gravité']}
      showCaption
      className="transmission-errors"
    >
      {errorRows(errors).map((row, index) => (
        <tr key={index} className={row.blocking ? 'error-blocking' : undefined}>
          <td>{row.form}</td>
          <td className="cell-code">{row.cell}</td>
          <td>{row.label}</td>
          <td>{row.message}</td>
          <td>
            <span className={`tag tag-${row.blocking ? 'danger' : 'warning'}`}>{row.severity}</span>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
