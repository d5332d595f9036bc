// `/dossiers/:id` (every signed-in user): one dossier's identity, exercises and declarations.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Dossier } from '@passerelle/contracts';
import { fiscalCategoryLabels, taxRegimeLabels } from '@passerelle/contracts';
import { getDossier } from '../../api/endpoints';
import { AddExercisePanel } from './add-exercise-panel';
import { ErrorAlert, Notice } from '../../shared/alerts';
import { DossierDeclarations } from './dossier-declarations';
import { DossierFormPanel } from './dossier-form-panel';
import { Loading, Page } from '../../shared/page';
import { addressLines, exercisePeriod, formatSiren, taxationLabels } from './dossier-labels';
import { hasErrorCode } from '../../shared/errors';
import { useApiQuery } from '../../shared/use-api-query';
import { useArrivalNotice } from '../../shared/route-state';
import './dossiers.css';

/** The page of the dossier named by the path's `:id`. */
export function DossierPage() {
  const { id = '' } = useParams();
  return <DossierView key={id} id={id} />;
}

type Opened = 'identity' | 'exercise' | null;

function DossierView({ id }: { id: string }) {
  const client = useQueryClient();
  const read = useApiQuery(['dossier', id], () => getDossier(id));
  const error = read.error;
  // A dossier that could not be read again (deleted meanwhile) is not shown any more.
  const dossier = error === null ? (read.data ?? null) : null;
  // The arrival notice ("Dossier … créé.") is shown once, not again after a reload.
  const arrival = useArrivalNotice();
  const [notice, setNotice] = useState<string | null>(arrival ?? null);
  const [opened, setOpened] = useState<Opened>(null);

  const open = (next: Opened) => {
    setNotice(null);
    setOpened(next);
  };
  const saved = (next: Dossier, message: string) => {
    client.setQueryData(['dossier', id], next);
    setOpened(null);
    setNotice(message);
  };
  const refused = (caught: unknown) => {
    if (hasErrorCode(caught, 'NOT_FOUND')) read.reload();
  };

  return (
    <Page title={dossier?.name ?? 'Dossier'}>
      <p>
        <Link to="/dossiers">Tous les dossiers</Link>
      </p>
      <Notice>{notice}</Notice>
      <ErrorAlert message={error} />
      {dossier === null ? (
        error === null && <Loading />
      ) : (
        <>
          <section className="card" aria-labelledby="dossier-identite">
            <h2 id="dossier-identite">Identité</h2>
            <dl className="details">
              <dt>SIREN</dt>
              <dd>{formatSiren(dossier.siren)}</dd>
              <dt>Adresse</dt>
              <dd>
                {addressLines(dossier).map((line, index) => (
                  <span key={index} className="address-line">
                    {line}
                  </span>
                ))}
              </dd>
              <dt>Catégorie fiscale</dt>
              <dd>{fiscalCategoryLabels[dossier.category]}</dd>
              <dt>Régime</dt>
              <dd>{taxRegimeLabels[dossier.regime]}</dd>
              <dt>Imposition</dt>
              <dd>{taxationLabels[dossier.taxation]}</dd>
              <dt>Référence d’obligation fiscale (ROF)</dt>
              <dd>{dossier.rof}</dd>
            </dl>
            <button type="button" className="button" onClick={() => open('identity')}>
              Modifier
            </button>
          </section>

          <section className="card" aria-labelledby="dossier-exercices">
            <h2 id="dossier-exercices">Exercices</h2>
            {dossier.exercises.length === 0 ? (
              <p>Aucun exercice.</p>
            ) : (
              <ul className="exercise-list">
                {dossier.exercises.map((exercise) => (
                  <li key={exercise.id}>Exercice {exercisePeriod(exercise)}</li>
                ))}
              </ul>
            )}
            <button type="button" className="button" onClick={() => open('exercise')}>
              Ajouter un exercice
            </button>
          </section>

          <DossierDeclarations dossier={dossier} />

          {opened === 'identity' && (
            <DossierFormPanel
              dossier={dossier}
              onClose={() => setOpened(null)}
              onSaved={(next) => saved(next, 'Dossier modifié.')}
            />
          )}
          {opened === 'exercise' && (
            <AddExercisePanel
              dossier={dossier}
              onClose={() => setOpened(null)}
              onAdded={(next) => saved(next, 'Exercice ajouté.')}
              onRefused={refused}
            />
          )}
        </>
      )}
    </Page>
  );
}
