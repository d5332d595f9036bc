// The errors of a CONTRL or an INFENT CR as a readable table: Formulaire, Case, Libellé,
// Message, Gravité ("Rejet" blocks, "Alerte" informs).
import type { DepositError } from '@passerelle/contracts';
import { errorRows } from './transmission-labels';
import { TableHead } from '../../shared/table-head';

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
    <div className="table-wrapper">
      <table className="transmission-errors">
        <caption>{caption}</caption>
        <TableHead columns={['Formulaire', 'Case', 'Libellé', 'Message', 'Gravité']} />
        <tbody>
          {errorRows(errors).map((row, index) => (
            <tr key={index} className={row.blocking ? 'error-blocking' : undefined}>
              <td>{row.form}</td>
              <td className="cell-code">{row.cell}</td>
              <td>{row.label}</td>
              <td>{row.message}</td>
              <td>
                <span className={`tag tag-${row.blocking ? 'danger' : 'warning'}`}>
                  {row.severity}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
