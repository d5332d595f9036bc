// Régime ↔ forms: every form must be allowed in the regime column F-IDENTIF selects (tdfcAAf.edi
// columns), and the declaration holds exactly one main return of that column (2065, 2031…).
import { formDisplayName } from '../dictionary/form-name';
import { error, placeFinding, type Anomaly } from './anomaly';
import { placeOf, type ValidationContext } from './validation-context';

/** Document code of the liasse fiscale (BGM `IDF`), the only document built here. */
export const LIASSE_DOCUMENT = 'IDF';

/** Findings on the set of forms; nothing when F-IDENTIF lacks taxation, category or régime. */
export function regimeRules(context: ValidationContext): Anomaly[] {
  const { dictionary, declaration, identification, column } = context;
  const { taxation, category, regime } = identification;
  if (!column || !taxation || !category || !regime) return [];
  const allowed = dictionary.formsFor(declaration.millesime, taxation, category, regime);
  const mainReturns = allowed.filter((form) => form.mainReturn);
  if (!allowed.some((form) => form.allowedIn.has(column))) {
    return [
      placeFinding(
        placeOf(context, 'F-IDENTIF', 0, 'BB'),
        error(
          'identif.regime',
          `aucun formulaire n'est prévu pour le régime ${column} (imposition ${taxation}, catégorie ${category}, régime ${regime}).`,
        ),
      ),
    ];
  }
  const anomalies: Anomaly[] = [];
  const allowedIds = new Set(allowed.map((form) => form.id));
  for (const { form } of context.forms) {
    if (allowedIds.has(form.id)) continue;
    const reason = form.docCodes.includes(LIASSE_DOCUMENT)
      ? `formulaire non prévu pour le régime ${column} déclaré dans F-IDENTIF.`
      : `formulaire hors de la liasse fiscale (documents ${form.docCodes.join(', ')}).`;
    anomalies.push(placeFinding(placeOf(context, form.id), error('form.not-allowed', reason)));
  }
  if (mainReturns.length === 0) return anomalies;
  const present = mainReturns.filter((form) => (declaration.forms[form.id]?.length ?? 0) > 0);
  const names = mainReturns.map((form) => formDisplayName(form.id)).join(' ou ');
  if (present.length === 0) {
    anomalies.push(
      placeFinding(
        { form: mainReturns[0]?.id ?? 'F-IDENTIF' },
        error(
          'main-return.missing',
          `déclaration de résultat absente : le régime ${column} demande le formulaire ${names}.`,
        ),
      ),
    );
  } else if (present.length > 1) {
    anomalies.push(
      placeFinding(
        { form: present[1]?.id ?? 'F-IDENTIF' },
        error(
          'main-return.several',
          `une seule déclaration de résultat par dépôt (${present.map((form) => formDisplayName(form.id)).join(' et ')} présents).`,
        ),
      ),
    );
  }
  return anomalies;
}
