// Totals of the simplified liasse that must add up. Only totals whose lines are certain from the
// 2025 labels (data/2025/labels) and the Cerfa are listed; they are warnings (edi-tdfc.md §5.9:
// whether the DGFiP rejects them is not documented).
//
// Not checked, on purpose: 2033-A Total I of the capitaux propres (FJ) and Total III of the
// dettes (FR), because the 2024–2025 forms added AS (subventions d'investissement), AT and AU
// (dettes fiscales et sociales) and EE (comptes courants) whose place in those totals is not
// settled by the data we have.

/** `total` must equal the sum of `plus` minus the sum of `minus` (absent cells count as 0). */
export interface TotalRule {
  rule: string;
  form: string;
  total: string;
  plus: readonly string[];
  minus?: readonly string[];
  /** French description of what is compared, for the message. */
  what: string;
}

/** 2033-A asset columns: brut (A…), amortissements et provisions (B…), net (C…). */
const ASSET_COLUMNS = [
  { prefix: 'A', name: 'brut' },
  { prefix: 'B', name: 'amortissements' },
  { prefix: 'C', name: 'net' },
] as const;
/** Second letter of the asset lines: immobilisé (A–D → E), circulant (F–P → Q), général R. */
const FIXED_ASSETS = ['A', 'B', 'C', 'D'];
const CURRENT_ASSETS = ['F', 'G', 'H', 'J', 'K', 'L', 'M', 'P'];

const assetTotals: TotalRule[] = ASSET_COLUMNS.flatMap(({ prefix, name }) => [
  {
    rule: 'total.2033A.actif-immobilise',
    form: '2033A',
    total: `${prefix}E`,
    plus: FIXED_ASSETS.map((line) => prefix + line),
    what: `total I de l'actif immobilisé (${name})`,
  },
  {
    rule: 'total.2033A.actif-circulant',
    form: '2033A',
    total: `${prefix}Q`,
    plus: CURRENT_ASSETS.map((line) => prefix + line),
    what: `total II de l'actif circulant (${name})`,
  },
  {
    rule: 'total.2033A.total-actif',
    form: '2033A',
    total: `${prefix}R`,
    plus: [`${prefix}E`, `${prefix}Q`],
    what: `total général de l'actif (${name})`,
  },
]);

/** Net = brut − amortissements, line by line (CA = AA − BA … CR = AR − BR). */
const netLines: TotalRule[] = [...FIXED_ASSETS, 'E', ...CURRENT_ASSETS, 'Q', 'R'].map((line) => ({
  rule: 'total.2033A.net',
  form: '2033A',
  total: `C${line}`,
  plus: [`A${line}`],
  minus: [`B${line}`],
  what: 'montant net (brut moins amortissements et provisions)',
}));

/** The totals checked, in the order of the forms. */
export const TOTALS_2033: readonly TotalRule[] = [
  ...assetTotals,
  ...netLines,
  {
    rule: 'total.2033A.total-passif',
    form: '2033A',
    total: 'FS',
    plus: ['FJ', 'FK', 'FR'],
    what: 'total général du passif (capitaux propres + provisions + dettes)',
  },
  {
    rule: 'total.2033A.bilan-equilibre',
    form: '2033A',
    total: 'FS',
    plus: ['CR'],
    what: "total du passif, égal au total net de l'actif (bilan équilibré)",
  },
  {
    rule: 'total.2033B.produits-exploitation',
    form: '2033B',
    total: 'BH',
    plus: ['BA', 'BB', 'BC', 'BD', 'BE', 'BF', 'BG'],
    what: "total des produits d'exploitation",
  },
  {
    rule: 'total.2033B.charges-exploitation',
    form: '2033B',
    total: 'BV',
    plus: ['BJ', 'BK', 'BL', 'BM', 'BN', 'BP', 'BQ', 'BR', 'BS', 'BT', 'BU'],
    what: "total des charges d'exploitation",
  },
  {
    rule: 'total.2033B.resultat-exploitation',
    form: '2033B',
    total: 'BW',
    plus: ['BH'],
    minus: ['BV'],
    what: "résultat d'exploitation (produits moins charges)",
  },
  {
    rule: 'total.2033B.resultat',
    form: '2033B',
    total: 'CC',
    plus: ['BW', 'BX', 'BY'],
    minus: ['BZ', 'CA', 'CB'],
    what: 'bénéfice ou perte (exploitation + financier + exceptionnel − impôt)',
  },
];

/** 2033-B CC (bénéfice ou perte) must equal 2033-A FG (résultat de l'exercice). */
export const RESULT_2033 = {
  rule: 'total.2033.resultat-bilan',
  form: '2033B',
  code: 'CC',
  other: { form: '2033A', code: 'FG' },
} as const;
