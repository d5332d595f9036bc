import type { Dossier } from '@passerelle/contracts';
import type { DossierRow, ExerciseRow } from './dossiers.repository';

/** The API view of a dossier with its exercises (oldest first). */
export function toDossierView(
  row: Omit<DossierRow, 'name_search'>,
  exercises: ExerciseRow[],
): Dossier {
  return {
    id: row.id,
    siren: row.siren,
    name: row.name,
    street: row.street,
    complement: row.complement,
    postcode: row.postcode,
    city: row.city,
    category: row.category as Dossier['category'],
    regime: row.regime as Dossier['regime'],
    taxation: row.taxation as Dossier['taxation'],
    rof: row.rof,
    exercises: exercises
      .filter((exercise) => exercise.dossier_id === row.id)
      .map((exercise) => ({ id: exercise.id, start: exercise.start_date, end: exercise.end_date })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
