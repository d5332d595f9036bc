// `/declarations` (every signed-in user): every declaration of the firm across dossiers, the
// "prête" ones to tick and send in one batch, with a filter by status.
import { useEffect, useMemo, useState } from 'react';
import { declarationStatuses } from '@passerelle/contracts';
import type { DeclarationStatus, DeclarationSummary } from '@passerelle/contracts';
import { listAllDeclarations } from '../api/sending-endpoints';
import { ErrorAlert } from '../components/alerts';
import { Loading, Page } from '../components/page';
import { SendableDeclarations } from '../components/sendable-declarations';
import { declarationStatusText } from '../declaration-labels';
import { errorText } from '../errors';
import { Link } from '../router';

/** "Déclarations": the list across dossiers. */
export function DeclarationsPage() {
  const [declarations, setDeclarations] = useState<DeclarationSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [wanted, setWanted] = useState<DeclarationStatus | ''>('');

  useEffect(() => {
    let active = true;
    listAllDeclarations().then(
      (list) => {
        if (!active) return;
        setDeclarations(list);
        setError(null);
      },
      (caught: unknown) => active && setError(errorText(caught)),
    );
    return () => {
      active = false;
    };
  }, [version]);

  // Only the statuses some declaration has, in the lifecycle's order.
  const present = useMemo(
    () => declarationStatuses.filter((value) => declarations?.some((d) => d.status === value)),
    [declarations],
  );
  // A status no declaration has any more (all sent meanwhile) falls back to "Tous les statuts".
  const status = wanted !== '' && present.includes(wanted) ? wanted : '';
  const shown =
    declarations?.filter((declaration) => status === '' || declaration.status === status) ?? [];

  return (
    <Page title="Déclarations">
      <p>
        Les déclarations de tous les dossiers. Cochez les déclarations « Prête » puis « Envoyer » :
        le mot de passe de votre signature est demandé une fois pour tout l&apos;envoi.
      </p>
      <p className="actions">
        <Link className="button" to="/declarations/import">
          Importer des déclarations
        </Link>
      </p>
      <ErrorAlert message={error} />
      {declarations === null ? (
        error === null && <Loading />
      ) : declarations.length === 0 ? (
        <p>
          Aucune déclaration. Créez-en une depuis un <Link to="/dossiers">dossier</Link> ou
          importez-les.
        </p>
      ) : (
        <section className="card" aria-labelledby="declarations-liste">
          <h2 id="declarations-liste" className="visually-hidden">
            Liste des déclarations
          </h2>
          <div className="field status-filter">
            <label htmlFor="declarations-statut">Statut</label>
            <select
              id="declarations-statut"
              value={status}
              onChange={(event) => setWanted(event.target.value as DeclarationStatus | '')}
            >
              <option value="">Tous les statuts</option>
              {present.map((value) => (
                <option key={value} value={value}>
                  {declarationStatusText(value)}
                </option>
              ))}
            </select>
          </div>
          <SendableDeclarations
            declarations={shown}
            caption="Déclarations de tous les dossiers"
            showDossier
            idPrefix="declarations"
            onChanged={() => setVersion((value) => value + 1)}
          />
        </section>
      )}
    </Page>
  );
}
