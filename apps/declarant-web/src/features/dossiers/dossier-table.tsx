// The firm's dossiers: name (link to the dossier), SIREN, régime, taxation, city.
import type { Dossier } from '@passerelle/contracts';
import { taxRegimeLabels } from '@passerelle/contracts';
import { formatSiren, taxationLabels } from './dossier-labels';
import { Link } from 'react-router';
import { TableHead } from '../../shared/table-head';

/** Raison sociale, SIREN, Régime, Imposition, Ville; `empty` ("Aucun dossier.") when empty. */
export function DossierTable({
  dossiers,
  empty = 'Aucun dossier.',
}: {
  dossiers: readonly Dossier[];
  empty?: string;
}) {
  if (dossiers.length === 0) return <p>{empty}</p>;
  return (
    <div className="table-wrapper">
      <table>
        <caption className="visually-hidden">Dossiers du cabinet</caption>
        <TableHead columns={['Raison sociale', 'SIREN', 'Régime', 'Imposition', 'Ville']} />
        <tbody>
          {dossiers.map((dossier) => (
            <tr key={dossier.id}>
              <th scope="row">
                <Link to={`/dossiers/${encodeURIComponent(dossier.id)}`}>{dossier.name}</Link>
              </th>
              <td className="nowrap">{formatSiren(dossier.siren)}</td>
              <td>{taxRegimeLabels[dossier.regime]}</td>
              <td>
                <abbr title={taxationLabels[dossier.taxation]}>{dossier.taxation}</abbr>
              </td>
              <td>{dossier.city}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
