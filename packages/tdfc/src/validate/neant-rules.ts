// The "néant" convention (edi-tdfc.md §2.8): a liasse form with nothing to declare is still sent,
// carrying only its ticked néant box; a simplified liasse sends every 2033 form of its régime.
import { formDisplayName } from '../dictionary/form-name';
import type { FormDefinition } from '../dictionary/types';
import type { FormOccurrence } from '../model';
import { error, placeFinding, warning, type Anomaly } from './anomaly';
import { isFilled, placeOf, type ValidationContext } from './validation-context';

/** Forms of the simplified liasse (régime simplifié), each filled or sent néant. */
export const SIMPLIFIED_LIASSE = ['2033A', '2033B', '2033C', '2033D', '2033E', '2033F', '2033G'];

/** True when the occurrence has its néant box ticked. */
export function isNeant(form: FormDefinition, cells: FormOccurrence): boolean {
  return form.neantCode !== undefined && cells[form.neantCode] === 'X';
}

/** Findings on empty forms, néant boxes and missing forms of the simplified liasse. */
export function neantRules(context: ValidationContext): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const { form, occurrences } of context.forms) {
    occurrences.forEach((cells, occurrence) => {
      const filled = Object.keys(cells).filter(
        (code) => code !== form.neantCode && isFilled(cells[code]),
      );
      const place = placeOf(context, form.id, occurrence, form.neantCode);
      if (isNeant(form, cells) && filled.length > 0) {
        anomalies.push(
          placeFinding(
            place,
            warning(
              'neant.with-data',
              `case néant cochée alors que le formulaire porte ${filled.length} autre(s) case(s) (${filled.slice(0, 5).join(', ')}).`,
            ),
          ),
        );
      } else if (!isNeant(form, cells) && filled.length === 0) {
        anomalies.push(
          form.neantCode
            ? placeFinding(
                place,
                error(
                  'neant.missing',
                  `formulaire vide : le remplir ou cocher sa case néant (${form.neantCode} = X).`,
                ),
              )
            : placeFinding(
                placeOf(context, form.id, occurrence),
                warning('form.empty', 'formulaire vide : le retirer ou le remplir.'),
              ),
        );
      }
    });
  }
  return [...anomalies, ...missingLiasseForms(context)];
}

function missingLiasseForms(context: ValidationContext): Anomaly[] {
  const { dictionary, declaration, column } = context;
  if (!column) return [];
  return SIMPLIFIED_LIASSE.map((id) => dictionary.form(declaration.millesime, id))
    .filter((form): form is FormDefinition => form !== undefined && form.allowedIn.has(column))
    .filter((form) => (declaration.forms[form.id]?.length ?? 0) === 0)
    .map((form) =>
      placeFinding(
        { form: form.id },
        warning(
          'liasse.form-missing',
          `formulaire absent de la liasse simplifiée : joindre le ${formDisplayName(form.id)} rempli ou déposé néant${form.neantCode ? ` (case ${form.neantCode})` : ''}.`,
        ),
      ),
    );
}
