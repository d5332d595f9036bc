// Entry point of the validator: every rule family, in the order a reader fixes things
// (identity and period, then forms and values, then néant, then coherence totals).
import type { TdfcDictionary } from '../dictionary/types';
import { identificationColumn, readIdentification } from '../identification';
import { IDENTIFICATION_FORM, type Declaration } from '../model';
import { error, placeFinding, type Anomaly } from './anomaly';
import { dictionaryRules, unknownForms } from './dictionary-rules';
import { exerciseRules } from './exercise-rules';
import { identificationRules } from './identification-rules';
import { neantRules } from './neant-rules';
import { regimeRules } from './regime-rules';
import { coherenceRules } from './coherence-rules';
import type { ValidationContext } from './validation-context';

/**
 * Every anomaly of a declaration against a campaign dictionary; errors block the sending,
 * warnings do not. An empty list means the declaration can be sent.
 */
export function validateDeclaration(
  dictionary: TdfcDictionary,
  declaration: Declaration,
): Anomaly[] {
  if (!dictionary.millesimes.includes(declaration.millesime)) {
    return [
      placeFinding(
        { form: IDENTIFICATION_FORM },
        error(
          'declaration.millesime',
          `millésime « ${declaration.millesime} » inconnu de la campagne ${dictionary.campaign} (millésimes ${dictionary.millesimes.join(', ')}).`,
        ),
      ),
    ];
  }
  const identification = readIdentification(declaration);
  const column = identificationColumn(identification);
  const context: ValidationContext = {
    dictionary,
    declaration,
    identification,
    ...(column ? { column } : {}),
    // Table order (F-IDENTIF first), as cellsOf: anomalies read in the order of the liasse.
    forms: dictionary
      .forms(declaration.millesime)
      .filter((form) => declaration.forms[form.id] !== undefined)
      .sort((a, b) => Number(b.id === IDENTIFICATION_FORM) - Number(a.id === IDENTIFICATION_FORM))
      .map((form) => ({ form, occurrences: declaration.forms[form.id] ?? [] })),
  };
  return [
    ...identificationRules(context),
    ...exerciseRules(context),
    ...unknownForms(dictionary, declaration),
    ...regimeRules(context),
    ...dictionaryRules(context),
    ...neantRules(context),
    ...coherenceRules(context),
  ];
}

/** True when no anomaly is an error. */
export function isSendable(anomalies: readonly Anomaly[]): boolean {
  return anomalies.every((anomaly) => anomaly.severity !== 'error');
}
