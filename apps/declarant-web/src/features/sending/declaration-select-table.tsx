// The table of a list of declarations, a checkbox in the row header of each "prête" one.
import type { DeclarationSummary } from '@passerelle/contracts';
import {
  anomalyCountText,
  declarationStatusText,
  declarationStatusTone,
} from '../declarations/declaration-labels';
import { isSendable } from './declaration-selection';
import { exercisePeriod, formatSiren } from '../dossiers/dossier-labels';
import { formatDateTime } from '../../shared/format';
import { Link } from 'react-router';
import { DataTable } from '../../shared/data-table';

interface DeclarationSelectTableProps {
  declarations: readonly DeclarationSummary[];
  /** Hidden caption ("Déclarations de …"). */
  caption: string;
  /** Adds the "Dossier" column (the list across dossiers). */
  showDossier: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
}

/** Exercice (link to the declaration), Dossier, Millésime, Statut, Anomalies, Modifiée le. */
export function DeclarationSelectTable({
  declarations,
  caption,
  showDossier,
  selected,
  onToggle,
}: DeclarationSelectTableProps) {
  return (
    <DataTable
      caption={caption}
      columns={[
        'Exercice',
        showDossier && 'Dossier',
        'Millésime',
        'Statut',
        'Anomalies',
        'Modifiée le',
      ]}
    >
      {declarations.map((declaration) => {
        const period = exercisePeriod(declaration.exercise);
        return (
          <tr key={declaration.id}>
            {/* The checkbox sits in the row header: the cells keep their columns. */}
            <th scope="row">
              <span className="select-box">
                {isSendable(declaration) && (
                  <input
                    type="checkbox"
                    aria-label={`Sélectionner la déclaration ${declaration.dossierName}, exercice ${period}`}
                    checked={selected.has(declaration.id)}
                    onChange={(event) => onToggle(declaration.id, event.target.checked)}
                  />
                )}
              </span>
              <Link to={`/declarations/${encodeURIComponent(declaration.id)}`}>{period}</Link>
            </th>
            {showDossier && (
              <td>
                <Link to={`/dossiers/${encodeURIComponent(declaration.dossierId)}`}>
                  {declaration.dossierName}
                </Link>
                <span className="field-hint nowrap"> {formatSiren(declaration.siren)}</span>
              </td>
            )}
            <td>{declaration.millesime}</td>
            <td>
              <span className={`tag tag-${declarationStatusTone(declaration.status)}`}>
                {declarationStatusText(declaration.status)}
              </span>
            </td>
            <td>{anomalyCountText(declaration.errorCount, declaration.warningCount)}</td>
            <td>
              <time dateTime={declaration.updatedAt}>{formatDateTime(declaration.updatedAt)}</time>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
