// "Déclarations" on a dossier's page: the dossier's declarations (a link each to the editor,
// the "prête" ones to tick and send) and "Nouvelle déclaration" for one of its exercises.
import { useEffect, useState } from 'react';
import type { DeclarationSummary, Dossier } from '@passerelle/contracts';
import { createDeclaration, listDossierDeclarations } from '../api/endpoints';
import { exercisePeriod } from '../dossier-labels';
import { errorText } from '../errors';
import { navigate } from '../router';
import { ErrorAlert } from './alerts';
import { SendableDeclarations } from './sendable-declarations';

/** The table of the dossier's declarations and the creation of a new one. */
export function DossierDeclarations({ dossier }: { dossier: Dossier }) {
  const [declarations, setDeclarations] = useState<DeclarationSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped to read the list again (a sending changed statuses).
  const [version, setVersion] = useState(0);
  const headingId = `dossier-${dossier.id}-declarations`;

  useEffect(() => {
    let active = true;
    listDossierDeclarations(dossier.id).then(
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
  }, [dossier.id, version]);

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Déclarations</h2>
      <ErrorAlert message={error} />
      {declarations === null ? (
        error === null && (
          <p className="loading" aria-live="polite">
            Chargement…
          </p>
        )
      ) : declarations.length === 0 ? (
        <p>Aucune déclaration.</p>
      ) : (
        <SendableDeclarations
          declarations={declarations}
          caption={`Déclarations de ${dossier.name}`}
          idPrefix={headingId}
          onChanged={() => setVersion((value) => value + 1)}
        />
      )}
      <NewDeclaration dossier={dossier} />
    </section>
  );
}

/**
 * "Nouvelle déclaration": for the only exercise, or the one chosen in "Exercice" (the latest by
 * default); disabled with its reason while the dossier has no exercise. Opens the editor.
 */
function NewDeclaration({ dossier }: { dossier: Dossier }) {
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
      navigate(`/declarations/${encodeURIComponent(declaration.id)}`, {
        state: { notice: 'Déclaration créée.' },
      });
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
          Ajoutez d&apos;abord un exercice au dossier pour créer une déclaration.
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
        <p className="field-hint">Pour l&apos;exercice {exercisePeriod(exercises[0])}.</p>
      )}
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
        {busy ? 'Création…' : 'Nouvelle déclaration'}
      </button>
    </form>
  );
}
