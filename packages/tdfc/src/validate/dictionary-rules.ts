// Rules that hold a declaration to the campaign dictionary: known forms and codes, repetitions
// allowed by the tables, and every value checked against its cell (value-rules.ts).
import type { TdfcDictionary } from '../dictionary/types';
import { entryValues, type Declaration } from '../model';
import { error, placeFinding, type Anomaly } from './anomaly';
import { placeOf, type ValidationContext } from './validation-context';
import { checkValue } from './value-rules';

/** Unknown forms (their cells cannot be checked further). */
export function unknownForms(dictionary: TdfcDictionary, declaration: Declaration): Anomaly[] {
  return Object.keys(declaration.forms)
    .filter((formId) => !dictionary.form(declaration.millesime, formId))
    .map((formId) =>
      placeFinding(
        { form: formId },
        error(
          'form.unknown',
          `formulaire inconnu pour le millésime ${declaration.millesime} de la campagne ${dictionary.campaign}.`,
        ),
      ),
    );
}

/** Repetitions, unknown codes and every value of the known forms. */
export function dictionaryRules(context: ValidationContext): Anomaly[] {
  const { dictionary, declaration } = context;
  const anomalies: Anomaly[] = [];
  for (const { form, occurrences } of context.forms) {
    if (occurrences.length > 1 && !form.repeatable) {
      anomalies.push(
        placeFinding(
          placeOf(context, form.id),
          error(
            'form.repeated',
            `formulaire présent ${occurrences.length} fois alors qu'il ne peut être déposé qu'une fois.`,
          ),
        ),
      );
    }
    occurrences.forEach((cells, occurrence) => {
      const order = (code: string) => {
        const index = form.cellCodes.indexOf(code);
        return index < 0 ? form.cellCodes.length : index;
      };
      const entries = Object.entries(cells).sort(([a], [b]) => order(a) - order(b));
      for (const [code, entry] of entries) {
        const place = placeOf(context, form.id, occurrence, code);
        const cell = dictionary.cell(declaration.millesime, form.id, code);
        if (!cell) {
          anomalies.push(
            placeFinding(
              place,
              error(
                'cell.unknown',
                `code inconnu sur ce formulaire (millésime ${declaration.millesime}).`,
              ),
            ),
          );
          continue;
        }
        const values = entryValues(entry);
        const filled = values.filter((value) => value !== null).length;
        if (!cell.repeatable && filled > 1) {
          anomalies.push(
            placeFinding(
              place,
              error('cell.repeated', `${filled} valeurs alors que la case n'en admet qu'une.`),
            ),
          );
        }
        values.forEach((value, index) => {
          if (value === null) return;
          const valuePlace = { ...place, ...(Array.isArray(entry) ? { valueIndex: index } : {}) };
          for (const finding of checkValue(dictionary, cell, value)) {
            anomalies.push(placeFinding(valuePlace, finding));
          }
        });
      }
    });
  }
  return anomalies;
}
