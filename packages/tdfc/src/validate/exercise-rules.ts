// The exercise: valid dates, a coherent period, and a closing date the campaign accepts with the
// millésime declared (N, N-1 and N-2: edi-tdfc.md §1.5, §5.2).
import { IDENTIF } from '../identification';
import {
  MAX_EXERCISE_MONTHS,
  exerciseLongerThan,
  isIsoDate,
  millesimeOfExercise,
} from '../exercise';
import { IDENTIFICATION_FORM } from '../model';
import { error, placeFinding, warning, type Anomaly } from './anomaly';
import { placeOf, type ValidationContext } from './validation-context';

/** Findings on `declaration.exercise`, placed on F-IDENTIF CA (start) or CB (end). */
export function exerciseRules(context: ValidationContext): Anomaly[] {
  const { dictionary, declaration } = context;
  const { start, end } = declaration.exercise;
  const at = (code: string) => placeOf(context, IDENTIFICATION_FORM, undefined, code);
  const anomalies: Anomaly[] = [];
  if (!isIsoDate(start)) {
    anomalies.push(
      placeFinding(
        at(IDENTIF.start),
        error(
          'exercise.dates',
          `début d'exercice « ${start} » : date AAAA-MM-JJ existante attendue.`,
        ),
      ),
    );
  }
  if (!isIsoDate(end)) {
    anomalies.push(
      placeFinding(
        at(IDENTIF.end),
        error('exercise.dates', `fin d'exercice « ${end} » : date AAAA-MM-JJ existante attendue.`),
      ),
    );
  }
  if (anomalies.length > 0) return anomalies;
  if (start >= end) {
    return [
      placeFinding(
        at(IDENTIF.end),
        error('exercise.dates', `l'exercice finit le ${end}, pas après son début (${start}).`),
      ),
    ];
  }
  if (exerciseLongerThan(start, end, MAX_EXERCISE_MONTHS)) {
    anomalies.push(
      placeFinding(
        at(IDENTIF.end),
        warning(
          'exercise.length',
          `exercice de plus de ${MAX_EXERCISE_MONTHS} mois (du ${start} au ${end}) : à vérifier.`,
        ),
      ),
    );
  }
  const expected = millesimeOfExercise(end);
  if (!dictionary.millesimes.includes(expected)) {
    anomalies.push(
      placeFinding(
        at(IDENTIF.end),
        error(
          'exercise.campaign',
          `un exercice clos le ${end} relève du millésime ${expected}, que la campagne ${dictionary.campaign} n'accepte pas (millésimes ${dictionary.millesimes.join(', ')}).`,
        ),
      ),
    );
  } else if (expected !== declaration.millesime) {
    anomalies.push(
      placeFinding(
        at(IDENTIF.end),
        error(
          'exercise.millesime',
          `un exercice clos le ${end} se déclare sur les formulaires du millésime ${expected}, pas ${declaration.millesime}.`,
        ),
      ),
    );
  }
  return anomalies;
}
