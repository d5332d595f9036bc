// The firm's dossiers: name (link to the dossier), SIREN, régime, taxation, city.
import type { Dossier } from '@passerelle/contracts';
import { taxRegimeLabels } from '@passerelle/contracts';
import { formatSiren, taxationLabels } from './dossier-labels';
import { Link } from 'react-router';
import { DataTable } from '../../shared/data-table';

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
    <DataTable
      caption="Dossiers du cabinet"
      columns={['Raison sociale', 'SIREN', 'Régime', 'Imposition', 'Ville']}
    >
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
    </DataTable>
  );
}
