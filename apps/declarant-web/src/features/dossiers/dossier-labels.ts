// What the "Dossiers" pages say about dossiers and exercises (pure, tested).
import {
  fiscalCategories,
  fiscalCategoryLabels,
  taxRegimeLabels,
  taxRegimes,
  taxations,
} from '@passerelle/contracts';
import type { Dossier, Exercise, Taxation } from '@passerelle/contracts';

/** "732 829 320": a SIREN in groups of three digits; any other value unchanged. */
export function formatSiren(siren: string): string {
  const digits = siren.replace(/\s+/g, '');
  return /^\d{9}$/.test(digits) ? digits.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3') : siren;
}

/** "31/12/2025" from the calendar day "2025-12-31" (no time zone involved); else unchanged. */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match === null ? day : `${match[3]}/${match[2]}/${match[1]}`;
}

/** "du 01/01/2025 au 31/12/2025". */
export function exercisePeriod(exercise: Pick<Exercise, 'start' | 'end'>): string {
  return `du ${formatDay(exercise.start)} au ${formatDay(exercise.end)}`;
}

/** The French label of IS and IR. */
export const taxationLabels: Record<Taxation, string> = {
  IS: 'Impôt sur les sociétés (IS)',
  IR: 'Impôt sur le revenu (IR)',
};

/** The options of "Catégorie fiscale", "Régime" and "Imposition", in the contracts' order. */
export const fiscalCategoryOptions = fiscalCategories.map((value) => ({
  value,
  label: fiscalCategoryLabels[value],
}));
export const taxRegimeOptions = taxRegimes.map((value) => ({
  value,
  label: taxRegimeLabels[value],
}));
export const taxationOptions = taxations.map((value) => ({ value, label: taxationLabels[value] }));

/** The address as printed on an envelope: street, complement, "postcode city". */
export function addressLines(
  dossier: Pick<Dossier, 'street' | 'complement' | 'postcode' | 'city'>,
): string[] {
  const lines = [dossier.street, dossier.complement].filter(
    (line): line is string => line !== null && line.trim() !== '',
  );
  return [...lines, `${dossier.postcode} ${dossier.city}`];
}

/** The dossier form's values: empty with the usual defaults, or those of `dossier` to edit it. */
export function dossierFormValues(dossier?: Dossier) {
  return {
    siren: dossier === undefined ? '' : formatSiren(dossier.siren),
    name: dossier?.name ?? '',
    street: dossier?.street ?? '',
    complement: dossier?.complement ?? '',
    postcode: dossier?.postcode ?? '',
    city: dossier?.city ?? '',
    category: dossier?.category ?? 'BI',
    regime: dossier?.regime ?? 'RS',
    taxation: dossier?.taxation ?? 'IS',
    rof: dossier?.rof ?? '',
  };
}
