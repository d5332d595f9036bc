// Carry-overs of the tax result from the liasse to the main return: the résultat fiscal of
// 2033-B (lines 370 bénéfice CR / 372 déficit ER) or of 2058-A (XN / XO) is reported on the 2065
// (cadre « Résultat fiscal »: bénéfice au taux normal HA + à 15 % LC, déficit AT) at the IS and
// on the 2031 (« Récapitulation des éléments d'imposition », bénéfice CA / déficit CB) at the IR.
// Warnings: groups, the tonnage tax and other rates may move part of the result elsewhere.
import type { CoherenceRule } from './coherence-rule';

const w = 'warning' as const;

const carries = (from: { form: string; name: string; profit: string; loss: string }) => [
  {
    id: `report.${from.form}.2065.benefice`,
    form: '2065',
    target: 'HA',
    sum: [`${from.form}.${from.profit}`],
    minus: ['LC'],
    source: `2065, cadre « Résultat fiscal » : bénéfice (HA + LC) = ${from.name}, case ${from.profit}`,
    severity: w,
    what: `bénéfice imposable au taux normal (bénéfice fiscal du ${from.name}, case ${from.profit}, moins la part à 15 %, LC)`,
  },
  {
    id: `report.${from.form}.2065.deficit`,
    form: '2065',
    target: 'AT',
    sum: [`${from.form}.${from.loss}`],
    source: `2065, cadre « Résultat fiscal » : déficit = ${from.name}, case ${from.loss}`,
    severity: w,
    what: `déficit fiscal reporté du ${from.name} (case ${from.loss})`,
  },
  {
    id: `report.${from.form}.2031.benefice`,
    form: '2031',
    target: 'CA',
    sum: [`${from.form}.${from.profit}`],
    source: `2031, « Récapitulation des éléments d'imposition » : bénéfice = ${from.name}, case ${from.profit}`,
    severity: w,
    what: `bénéfice fiscal reporté du ${from.name} (case ${from.profit})`,
  },
  {
    id: `report.${from.form}.2031.deficit`,
    form: '2031',
    target: 'CB',
    sum: [`${from.form}.${from.loss}`],
    source: `2031, « Récapitulation des éléments d'imposition » : déficit = ${from.name}, case ${from.loss}`,
    severity: w,
    what: `déficit fiscal reporté du ${from.name} (case ${from.loss})`,
  },
];

export const RULES_RETURNS: readonly CoherenceRule[] = [
  ...carries({ form: '2033B', name: '2033-B', profit: 'CR', loss: 'ER' }),
  ...carries({ form: '2058A', name: '2058-A', profit: 'XN', loss: 'XO' }),
];
