// `/dossiers` (every signed-in user): the firm's dossiers and "Créer un dossier".
import { useEffect, useState } from 'react';
import type { Dossier } from '@passerelle/contracts';
import { listDossiers } from '../api/endpoints';
import { ErrorAlert } from '../components/alerts';
import { DossierFormPanel } from '../components/dossier-form-panel';
import { DossierTable } from '../components/dossier-table';
import { Loading, Page } from '../components/page';
import { errorText } from '../errors';
import { Link, navigate } from '../router';

/** "Dossiers": the table of the firm's client companies, the creation panel. */
export function DossiersPage() {
  const [dossiers, setDossiers] = useState<Dossier[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    let active = true;
    listDossiers().then(
      (list) => active && setDossiers(list),
      (caught: unknown) => active && setError(errorText(caught)),
    );
    return () => {
      active = false;
    };
  }, []);

  return (
    <Page title="Dossiers">
      <p>Les entreprises clientes du cabinet, dont Passerelle transmet les déclarations.</p>
      <p className="actions">
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          Créer un dossier
        </button>
        <Link className="button" to="/declarations/import">
          Importer des déclarations
        </Link>
      </p>
      <ErrorAlert message={error} />
      {dossiers === null ? error === null && <Loading /> : <DossierTable dossiers={dossiers} />}
      {creating && (
        <DossierFormPanel
          onClose={() => setCreating(false)}
          onSaved={(dossier) =>
            navigate(`/dossiers/${encodeURIComponent(dossier.id)}`, {
              state: { notice: `Dossier ${dossier.name} créé.` },
            })
          }
        />
      )}
    </Page>
  );
}
