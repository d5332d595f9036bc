// "Déclarations" on a dossier's page: the dossier's declarations, a page at a time (a link each
// to the editor, the "prête" ones to tick and send) and "Nouvelle déclaration" for one of its
// exercises.
import { useState } from 'react';
import type { Dossier } from '@passerelle/contracts';
import { createDeclaration, listDossierDeclarations } from '../../api/endpoints';
import { exercisePeriod } from './dossier-labels';
import { errorText } from '../../shared/errors';
import { collectIds } from '../../shared/paged-list';
import { useNavigate } from 'react-router';
import type { RouteState } from '../../shared/route-state';
import { usePagedList } from '../../shared/use-paged-list';
import { ErrorAlert } from '../../shared/alerts';
import { ListFooter, ListState } from '../../shared/list-footer';
import { SendableDeclarations } from '../sending/sendable-declarations';

const NOUN = ['déclaration', 'déclarations'] as const;

/** The table of the dossier's declarations and the creation of a new one. */
export function DossierDeclarations({ dossier }: { dossier: Dossier }) {
  const headingId = `dossier-${dossier.id}-declarations`;
  const list = usePagedList(['dossier-declarations', dossier.id], (cursor, limit) =>
    listDossierDeclarations(dossier.id, { cursor, limit }),
  );
  const loadReadyIds = list.hasMore
    ? (max: number) =>
        collectIds(
          (cursor, limit) =>
            listDossierDeclarations(dossier.id, { status: 'ready', cursor, limit }),
          max,
        )
    : undefined;

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Déclarations</h2>
      <ListState list={list}>
        {(declarations) => (
          <SendableDeclarations
            declarations={declarations}
            caption={`Déclarations de ${dossier.name}`}
            idPrefix={headingId}
            onChanged={list.refresh}
            loadReadyIds={loadReadyIds}
            empty={<p>Aucune déclaration.</p>}
            footer={<ListFooter list={list} noun={NOUN} />}
          />
        )}
      </ListState>
      <NewDeclaration dossier={dossier} />
    </section>
  );
}

/**
 * "Nouvelle déclaration": for the only exercise, or the one chosen in "Exercice" (the latest by
 * default); disabled with its reason while the dossier has no exercise. Opens the editor.
 */
function NewDeclaration({ dossier }: { dossier: Dossier }) {
  const navigate = useNavigate();
  const exercises = dossier.exercises;
  const latest = exercises[exercises.length - 1]?.id ?? '';
  const [exerciseId, setExerciseId] = useState(latest);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selectId = `dossier-${dossier.id}-exercice`;
  const reasonId = `dossier-${dossier.id}-sans-exercice`;
  // An exercise added meanwhile becomes the default; a vanished choice falls back to the latest.
  const chosen = exercises.some((exercise) => exercise.id === exerciseId) ? exerciseId : latest;

  async function create(): Promise<void> {
    if (busy || chosen === '') return;
    setBusy(true);
    setError(null);
    try {
      const declaration = await createDeclaration(dossier.id, { exerciseId: chosen });
      const state: RouteState = { notice: 'Déclaration créée.' };
      void navigate(`/declarations/${encodeURIComponent(declaration.id)}`, { state });
    } catch (caught) {
      setError(errorText(caught));
      setBusy(false);
    }
  }

  if (exercises.length === 0) {
    return (
      <div className="new-declaration">
        <button
          type="button"
          className="button button-primary"
          disabled
          aria-describedby={reasonId}
        >
          Nouvelle déclaration
        </button>
        <p id={reasonId} className="field-hint">
          Ajoutez d’abord un exercice au dossier pour créer une déclaration.
        </p>
      </div>
    );
  }

  return (
    <form
      className="new-declaration"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <ErrorAlert message={error} />
      {exercises.length > 1 && (
        <div className="field">
          <label htmlFor={selectId}>Exercice</label>
          <select
            id={selectId}
            value={chosen}
            onChange={(event) => setExerciseId(event.target.value)}
          >
            {exercises.map((exercise) => (
              <option key={exercise.id} value={exercise.id}>
                {exercisePeriod(exercise)}
              </option>
            ))}
          </select>
        </div>
      )}
      {exercises.length === 1 && exercises[0] !== undefined && (
        <p className="field-hint">Pour l’exercice {exercisePeriod(exercises[0])}.</p>
      )}
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
        {busy ? 'Création…' : 'Nouvelle déclaration'}
      </button>
    </form>
  );
}
