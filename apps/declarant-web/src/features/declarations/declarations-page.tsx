// `/declarations` (every signed-in user): every declaration of the firm across dossiers, newest
// first, a page at a time, filtered by status on the server; the "prête" ones to tick and send.
import { useState } from 'react';
import { declarationStatuses } from '@passerelle/contracts';
import type { DeclarationStatus } from '@passerelle/contracts';
import { listAllDeclarations } from '../../api/sending-endpoints';
import { ListCount, ListFooter, ListState } from '../../shared/list-footer';
import { Page } from '../../shared/page';
import { SendableDeclarations } from '../sending/sendable-declarations';
import { declarationStatusText } from './declaration-labels';
import { collectIds } from '../../shared/paged-list';
import { Link } from 'react-router';
import { usePagedList } from '../../shared/use-paged-list';
import './declarations.css';

const NOUN = ['déclaration', 'déclarations'] as const;

/** "Déclarations": the list across dossiers. */
export function DeclarationsPage() {
  const [status, setStatus] = useState<DeclarationStatus | ''>('');
  const list = usePagedList(['declarations', status], (cursor, limit) =>
    listAllDeclarations({ status: status || undefined, cursor, limit }),
  );
  // Every "prête" of the firm, beyond the loaded pages: only where "prête" ones are listed.
  const loadReadyIds =
    list.hasMore && (status === '' || status === 'ready')
      ? (max: number) =>
          collectIds(
            (cursor, limit) => listAllDeclarations({ status: 'ready', cursor, limit }),
            max,
          )
      : undefined;

  return (
    <Page title="Déclarations">
      <p>
        Les déclarations de tous les dossiers. Cochez les déclarations « Prête » puis « Envoyer » :
        le mot de passe de votre signature est demandé une fois pour tout l’envoi.
      </p>
      <p className="actions">
        <Link className="button" to="/declarations/import">
          Importer des déclarations
        </Link>
      </p>
      <section className="card" aria-labelledby="declarations-liste">
        <h2 id="declarations-liste" className="visually-hidden">
          Liste des déclarations
        </h2>
        <div className="field status-filter">
          <label htmlFor="declarations-statut">Statut</label>
          <select
            id="declarations-statut"
            value={status}
            onChange={(event) => setStatus(event.target.value as DeclarationStatus | '')}
          >
            <option value="">Tous les statuts</option>
            {declarationStatuses.map((value) => (
              <option key={value} value={value}>
                {declarationStatusText(value)}
              </option>
            ))}
          </select>
        </div>
        <ListState list={list}>
          {(declarations) => (
            <>
              <ListCount total={list.total} noun={NOUN} />
              <SendableDeclarations
                declarations={declarations}
                caption="Déclarations de tous les dossiers"
                showDossier
                idPrefix="declarations"
                onChanged={list.refresh}
                loadReadyIds={loadReadyIds}
                empty={
                  status === '' ? (
                    <p>
                      Aucune déclaration. Créez-en une depuis un <Link to="/dossiers">dossier</Link>{' '}
                      ou importez-les.
                    </p>
                  ) : (
                    <p>Aucune déclaration avec ce statut.</p>
                  )
                }
                footer={<ListFooter list={list} noun={NOUN} />}
              />
            </>
          )}
        </ListState>
      </section>
    </Page>
  );
}
