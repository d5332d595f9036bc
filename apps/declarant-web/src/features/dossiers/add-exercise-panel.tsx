// "Ajouter un exercice" on a dossier's page: the side panel and its two dates.
import { exerciseInput } from '@passerelle/contracts';
import type { Dossier } from '@passerelle/contracts';
import { addExercise } from '../../api/endpoints';
import { useForm } from '../../shared/use-form';
import { Dialog } from '../../shared/dialog';
import { TextField } from '../../shared/text-field';
import { CloseButton, FormFrame } from '../../shared/form-frame';

interface AddExercisePanelProps {
  dossier: Dossier;
  onClose: () => void;
  /** The dossier as the server answers it, with the new exercise. */
  onAdded: (dossier: Dossier) => void;
  /** Called with every refusal (e.g. to re-read a dossier that disappeared). */
  onRefused: (error: unknown) => void;
}

/** "Date de début", "Date de fin" (AAAA-MM-JJ from `<input type="date">`), "Ajouter". */
export function AddExercisePanel({ dossier, onClose, onAdded, onRefused }: AddExercisePanelProps) {
  const form = useForm({
    id: 'ajout-exercice',
    schema: exerciseInput,
    initial: { start: '', end: '' },
    fieldForCode: { EXERCISE_OVERLAP: 'start' },
  });

  const submit = form.handleSubmit(async (data) => {
    try {
      onAdded(await addExercise(dossier.id, data));
    } catch (error) {
      onRefused(error);
      throw error;
    }
  });

  return (
    <Dialog titleId="volet-exercice" title="Ajouter un exercice" onClose={onClose}>
      <p>Un exercice comptable dure 24 mois au plus et ne chevauche aucun autre exercice.</p>
      <FormFrame form={form} onSubmit={submit} submit="Ajouter" busyText="Enregistrement…">
        <TextField label="Date de début" type="date" {...form.field('start')} />
        <TextField label="Date de fin" type="date" {...form.field('end')} />
      </FormFrame>
      <CloseButton onClose={onClose} />
    </Dialog>
  );
}
