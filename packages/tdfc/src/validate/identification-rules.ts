// F-IDENTIF: present, with the facts every declaration needs, and in agreement with the
// declaration's SIREN and exercise; the ROF consistent with the taxation.
import { IDENTIF, identificationForm, rofPrefix } from '../identification';
import { IDENTIFICATION_FORM } from '../model';
import { error, placeFinding, warning, type Anomaly } from './anomaly';
import { checkSiren } from './identifier-rules';
import { isFilled, placeOf, type ValidationContext } from './validation-context';

/** Cells F-IDENTIF must hold (edi-tdfc.md §2.7, §5.5). */
const REQUIRED = [
  IDENTIF.declarant,
  IDENTIF.category,
  IDENTIF.regime,
  IDENTIF.taxation,
  IDENTIF.start,
  IDENTIF.end,
];

/** Findings on F-IDENTIF and on the declaration's own SIREN. */
export function identificationRules(context: ValidationContext): Anomaly[] {
  const { declaration, identification } = context;
  const at = (code?: string) => placeOf(context, IDENTIFICATION_FORM, code ? 0 : undefined, code);
  const anomalies = checkSiren(declaration.siren).map((finding) =>
    placeFinding(at(IDENTIF.declarant), finding),
  );
  const cells = identificationForm(declaration);
  if (!cells) {
    return [
      ...anomalies,
      placeFinding(
        at(),
        error(
          'identif.missing',
          "formulaire d'identification absent : il accompagne toute déclaration.",
        ),
      ),
    ];
  }
  for (const code of REQUIRED) {
    if (!isFilled(cells[code])) {
      anomalies.push(
        placeFinding(at(code), error('identif.missing', 'case obligatoire non remplie.')),
      );
    }
  }
  const mismatch = (code: string, what: string, found: string | undefined, expected: string) => {
    if (found !== undefined && found !== expected) {
      anomalies.push(
        placeFinding(
          at(code),
          error(
            'identif.mismatch',
            `${what} ${found} différent de celui de la déclaration (${expected}).`,
          ),
        ),
      );
    }
  };
  if (isFilled(cells[IDENTIF.declarant]) && identification.siren === undefined) {
    anomalies.push(
      placeFinding(
        at(IDENTIF.declarant),
        error('identif.missing', 'SIREN du déclarant (identifiant) absent.'),
      ),
    );
  }
  mismatch(IDENTIF.declarant, 'SIREN', identification.siren, declaration.siren);
  mismatch(IDENTIF.start, "début d'exercice", identification.start, declaration.exercise.start);
  mismatch(IDENTIF.end, "fin d'exercice", identification.end, declaration.exercise.end);
  anomalies.push(...rofRules(context));
  return anomalies;
}

function rofRules(context: ValidationContext): Anomaly[] {
  const { rof, taxation, category } = context.identification;
  const at = placeOf(context, IDENTIFICATION_FORM, 0, IDENTIF.rof);
  if (rof === undefined) {
    return [
      placeFinding(at, warning('identif.rof', "référence de l'obligation fiscale (ROF) absente.")),
    ];
  }
  const prefix = taxation && category ? rofPrefix(taxation, category) : undefined;
  if (prefix && !new RegExp(`^${prefix}\\d+$`).test(rof)) {
    return [
      placeFinding(
        at,
        warning(
          'identif.rof',
          `ROF « ${rof} » inattendue : à l'${taxation} elle s'écrit ${prefix} suivi d'un numéro (${prefix}1).`,
        ),
      ),
    ];
  }
  return [];
}
