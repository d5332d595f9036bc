// `/declarations/:id/tableau` (every signed-in user): "Voir le tableau", the declaration as one
// readable table (form, cell, label, value), and "Télécharger le fichier EDI".
import { getDeclaration, getDeclarationTable } from '../../api/endpoints';
import { ErrorAlert } from '../../shared/alerts';
import { DownloadEdiButton } from './download-buttons';
import { Loading, Page } from '../../shared/page';
import { declarationTitle } from './declaration-labels';
import { useApiQuery } from '../../shared/use-api-query';
import { Link, useParams } from 'react-router';
import './declarations.css';
import { TableHead } from '../../shared/table-head';

/** The table of the declaration named by the path's `:id`. */
export function DeclarationTableauPage() {
  const { id = '' } = useParams();
  return <DeclarationTableau key={id} id={id} />;
}

function DeclarationTableau({ id }: { id: string }) {
  const read = useApiQuery(['declaration-table', id], () =>
    Promise.all([getDeclaration(id), getDeclarationTable(id)]),
  );
  const error = read.error;
  const [declaration, table] = read.data ?? [null, null];

  const title =
    declaration === null
      ? 'Tableau de la déclaration'
      : `${declarationTitle(declaration)} : tableau`;
  // Occurrence numbers are shown only for forms that occur more than once.
  const repeated = new Set(
    (table?.rows ?? []).filter((row) => row.formOccurrence > 1).map((row) => row.form),
  );

  return (
    <Page title={title}>
      <p>
        <Link to={`/declarations/${encodeURIComponent(id)}`}>Retour à l’éditeur</Link>
      </p>
      <ErrorAlert message={error} />
      {declaration === null || table === null ? (
        error === null && <Loading />
      ) : (
        <>
          <div className="actions declaration-actions">
            <DownloadEdiButton declarationId={id} />
          </div>
          {table.rows.length === 0 ? (
            <p>Aucune case remplie.</p>
          ) : (
            <div className="table-wrapper">
              <table>
                <caption className="visually-hidden">Cases remplies de la déclaration</caption>
                <TableHead columns={['Formulaire', 'Case', 'Libellé', 'Valeur']} />
                <tbody>
                  {table.rows.map((row, index) => (
                    <tr key={index}>
                      <td className="nowrap">
                        {repeated.has(row.form)
                          ? `${row.form} (occurrence ${row.formOccurrence})`
                          : row.form}
                      </td>
                      <td>{row.code}</td>
                      <th scope="row">{row.label}</th>
                      <td className="table-value">{row.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Page>
  );
}
