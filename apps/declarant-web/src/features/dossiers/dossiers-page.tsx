// `/dossiers` (every signed-in user): the firm's dossiers, a page at a time, a search by
// raison sociale or SIREN, and "Créer un dossier".
import { useEffect, useState } from 'react';
import { listDossiers } from '../../api/endpoints';
import { DossierFormPanel } from './dossier-form-panel';
import { DossierTable } from './dossier-table';
import { ListCount, ListFooter, ListState } from '../../shared/list-footer';
import { Page } from '../../shared/page';
import { Link, useNavigate } from 'react-router';
import type { RouteState } from '../../shared/route-state';
import { usePagedList } from '../../shared/use-paged-list';

/** Pause after the last key typed before the search is asked (one request per pause). */
const SEARCH_DELAY_MS = 300;
const NOUN = ['dossier', 'dossiers'] as const;

/** "Dossiers": the table of the firm's client companies, the creation panel. */
export function DossiersPage() {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const list = usePagedList(['dossiers', search], (cursor, limit) =>
    listDossiers({ q: search, cursor, limit }),
  );

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
      <form
        role="search"
        className="list-filters"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(typed.trim());
        }}
      >
        <div className="field">
          <label htmlFor="dossiers-recherche">Rechercher un dossier</label>
          <input
            id="dossiers-recherche"
            type="search"
            value={typed}
            maxLength={105}
            aria-describedby="dossiers-recherche-aide"
            onChange={(event) => setTyped(event.target.value)}
          />
          <p id="dossiers-recherche-aide" className="field-hint">
            Raison sociale ou SIREN
          </p>
        </div>
      </form>
      <ListState list={list}>
        {(dossiers) => (
          <>
            <ListCount total={list.total} noun={NOUN} />
            <DossierTable
              dossiers={dossiers}
              empty={
                search === '' ? 'Aucun dossier.' : 'Aucun dossier ne correspond à la recherche.'
              }
            />
            <ListFooter list={list} noun={NOUN} />
          </>
        )}
      </ListState>
      {creating && (
        <DossierFormPanel
          onClose={() => setCreating(false)}
          onSaved={(dossier) => {
            const state: RouteState = { notice: `Dossier ${dossier.name} créé.` };
            void navigate(`/dossiers/${encodeURIComponent(dossier.id)}`, { state });
          }}
        />
      )}
    </Page>
  );
}
