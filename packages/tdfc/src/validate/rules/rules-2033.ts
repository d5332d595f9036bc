// Coherence controls of the liasse simplifiée (2033-A…E), from the printed Cerfa forms (n° 15948
// and following, millésime 2025) and their labels in data/2025/labels. Warnings: the DGFiP's
// rejection of an inconsistent total is not documented (edi-tdfc.md §5.9).
//
// Not checked, on purpose: 2033-A Total I of the capitaux propres (FJ) and Total III of the
// dettes (FR), because the 2024–2025 forms added AS (subventions d'investissement), AT and AU
// (dettes fiscales et sociales) and EE (comptes courants) whose place in those totals is not
// settled by the data we have; 2033-C totals of the amortissements (FH…JH), because the
// fonds commercial line added in 2024 (AL…AP) may or may not be in them.
import { codes, type CoherenceRule } from './coherence-rule';

/** 2033-A asset columns: brut (A…), amortissements et provisions (B…), net (C…). */
const ASSET_COLUMNS = [
  { prefix: 'A', name: 'brut' },
  { prefix: 'B', name: 'amortissements' },
  { prefix: 'C', name: 'net' },
] as const;
/** Second letter of the asset lines: immobilisé (A–D → E), circulant (F–P → Q), général R. */
const FIXED = 'ABCD';
const CURRENT = 'FGHJKLMP';

const assetTotals: CoherenceRule[] = ASSET_COLUMNS.flatMap(({ prefix, name }) => [
  {
    id: `total.2033A.actif-immobilise.${name}`,
    form: '2033A',
    target: `${prefix}E`,
    sum: codes(prefix, FIXED),
    source: `2033-A, ligne 044 (Total I, ${name})`,
    severity: 'warning' as const,
    what: `total I de l'actif immobilisé (${name})`,
  },
  {
    id: `total.2033A.actif-circulant.${name}`,
    form: '2033A',
    target: `${prefix}Q`,
    sum: codes(prefix, CURRENT),
    source: `2033-A, ligne 096 (Total II, ${name})`,
    severity: 'warning' as const,
    what: `total II de l'actif circulant (${name})`,
  },
  {
    id: `total.2033A.total-actif.${name}`,
    form: '2033A',
    target: `${prefix}R`,
    sum: [`${prefix}E`, `${prefix}Q`],
    source: `2033-A, ligne 110 (Total général, ${name})`,
    severity: 'warning' as const,
    what: `total général de l'actif (${name})`,
  },
]);

/** Net = brut − amortissements, line by line (CA = AA − BA … CR = AR − BR). */
const netLines: CoherenceRule[] = [...FIXED, 'E', ...CURRENT, 'Q', 'R'].map((line) => ({
  id: `total.2033A.net.C${line}`,
  form: '2033A',
  target: `C${line}`,
  sum: [`A${line}`],
  minus: [`B${line}`],
  source: '2033-A, actif, colonne « Net » (brut moins amortissements et provisions)',
  severity: 'warning',
  what: 'montant net (brut moins amortissements et provisions)',
}));

/** 2033-C: valeur en fin d'exercice = début + augmentations − diminutions, line by line. */
const fixedAssetLines: CoherenceRule[] = [...'ABCDEFGHJK'].map((line) => ({
  id: `total.2033C.immobilisations.D${line}`,
  form: '2033C',
  target: `D${line}`,
  sum: [`A${line}`, `B${line}`],
  minus: [`C${line}`],
  source: '2033-C, cadre I (immobilisations), colonne « Valeur brute à la fin de l’exercice »',
  severity: 'warning',
  what: "valeur brute en fin d'exercice (début + augmentations − diminutions)",
}));
const fixedAssetTotals: CoherenceRule[] = [
  { column: 'A', name: 'valeur brute au début' },
  { column: 'B', name: 'augmentations' },
  { column: 'C', name: 'diminutions' },
  { column: 'D', name: 'valeur brute en fin' },
  { column: 'E', name: 'réévaluation légale' },
].map(({ column, name }) => ({
  id: `total.2033C.total-immobilisations.${column}K`,
  form: '2033C',
  target: `${column}K`,
  sum: codes(column, 'ABCDEFGHJ'),
  source: `2033-C, cadre I, ligne « Total » (${column}K)`,
  severity: 'warning',
  what: `total des immobilisations (${name})`,
}));
const depreciationLines: CoherenceRule[] = [
  ...[...'ABCDEFG'].map((line) => ({
    id: `total.2033C.amortissements.J${line}`,
    form: '2033C',
    target: `J${line}`,
    sum: [`F${line}`, `G${line}`],
    minus: [`H${line}`],
  })),
  {
    id: 'total.2033C.amortissements.AP',
    form: '2033C',
    target: 'AP',
    sum: ['AL', 'AM'],
    minus: ['AN'],
  },
].map((rule) => ({
  ...rule,
  source: '2033-C, cadre II (amortissements), colonne « Montant à la fin de l’exercice »',
  severity: 'warning' as const,
  what: "amortissements en fin d'exercice (début + dotations − diminutions)",
}));

/** 2033-D: provisions en fin = début + dotations − reprises, line by line and in total. */
const provisionLines: CoherenceRule[] = [...'ABCDEFGH'].map((line) => ({
  id: `total.2033D.provisions.D${line}`,
  form: '2033D',
  target: `D${line}`,
  sum: [`A${line}`, `B${line}`],
  minus: [`C${line}`],
  source: '2033-D, cadre I (provisions), colonne « Montant à la fin de l’exercice »',
  severity: 'warning',
  what: "provisions en fin d'exercice (début + dotations − reprises)",
}));
const provisionTotals: CoherenceRule[] = [
  { column: 'A', name: 'au début' },
  { column: 'B', name: 'dotations' },
  { column: 'C', name: 'reprises' },
].map(({ column, name }) => ({
  id: `total.2033D.total-provisions.${column}H`,
  form: '2033D',
  target: `${column}H`,
  sum: codes(column, 'ABCDEFG'),
  source: `2033-D, cadre I, ligne « Total » (${column}H)`,
  severity: 'warning',
  what: `total des provisions (${name})`,
}));

export const RULES_2033: readonly CoherenceRule[] = [
  ...assetTotals,
  ...netLines,
  {
    id: 'total.2033A.total-passif',
    form: '2033A',
    target: 'FS',
    sum: ['FJ', 'FK', 'FR'],
    source: '2033-A, ligne 180 (Total général du passif = I + II + III)',
    severity: 'warning',
    what: 'total général du passif (capitaux propres + provisions + dettes)',
  },
  {
    id: 'total.2033A.bilan-equilibre',
    form: '2033A',
    target: 'FS',
    sum: ['CR'],
    source: '2033-A, lignes 110 et 180 (total de l’actif net = total du passif)',
    severity: 'warning',
    what: "total du passif, égal au total net de l'actif (bilan équilibré)",
  },
  {
    id: 'total.2033B.produits-exploitation',
    form: '2033B',
    target: 'BH',
    sum: codes('B', 'ABCDEFG'),
    source: '2033-B, ligne 232 (Total des produits d’exploitation hors TVA)',
    severity: 'warning',
    what: "total des produits d'exploitation",
  },
  {
    id: 'total.2033B.charges-exploitation',
    form: '2033B',
    target: 'BV',
    sum: codes('B', 'JKLMNPQRSTU'),
    source: '2033-B, ligne 264 (Total des charges d’exploitation)',
    severity: 'warning',
    what: "total des charges d'exploitation",
  },
  {
    id: 'total.2033B.resultat-exploitation',
    form: '2033B',
    target: 'BW',
    sum: ['BH'],
    minus: ['BV'],
    source: '2033-B, ligne 270 (Résultat d’exploitation = 232 − 264)',
    severity: 'warning',
    what: "résultat d'exploitation (produits moins charges)",
  },
  {
    id: 'total.2033B.resultat',
    form: '2033B',
    target: 'CC',
    sum: ['BW', 'BX', 'BY'],
    minus: ['BZ', 'CA', 'CB'],
    source: '2033-B, ligne 310 (Bénéfice ou perte = 270 + 280 + 290 − 294 − 300 − 306)',
    severity: 'warning',
    what: 'bénéfice ou perte (exploitation + financier + exceptionnel − impôt)',
  },
  {
    id: 'total.2033.resultat-bilan',
    form: '2033A',
    target: 'FG',
    sum: ['2033B.CC'],
    source: '2033-A, ligne 136 (Résultat de l’exercice) = 2033-B, ligne 310',
    severity: 'warning',
    what: "résultat de l'exercice au bilan, égal au bénéfice ou à la perte du compte de résultat (2033-B, case CC)",
  },
  ...fixedAssetLines,
  ...fixedAssetTotals,
  ...depreciationLines,
  ...provisionLines,
  ...provisionTotals,
  {
    id: 'total.2033E.valeur-ajoutee',
    form: '2033E',
    target: 'GA',
    sum: ['AF', 'AN'],
    minus: ['AP'],
    source: '2033-E, ligne « Valeur ajoutée » (Total 1 + Total 2 − Total 3)',
    severity: 'warning',
    what: 'valeur ajoutée (total 1 + total 2 − total 3)',
  },
];
