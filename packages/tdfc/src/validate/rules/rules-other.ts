// Coherence controls of the other régimes' forms: BNC (2035-A, 2035-B), SCM (2036), sociétés
// immobilières (2072-S) and the valeur ajoutée of the réel normal (2059-E). The codes are printed
// on these Cerfa forms beside each line. Warnings (edi-tdfc.md §5.9: rejection not documented).
import type { CoherenceRule } from './coherence-rule';

type Row = [form: string, target: string, sum: string[], minus: string[], what: string];

const rule = ([form, target, sum, minus, what]: Row, printed: string): CoherenceRule => ({
  id: `total.${form}.${target}`,
  form,
  target,
  sum,
  ...(minus.length > 0 ? { minus } : {}),
  source: `${printed}, ligne ${target}`,
  severity: 'warning',
  what,
});

const BNC: Row[] = [
  [
    '2035A',
    'AD',
    ['AA'],
    ['AB', 'AC', 'GL'],
    'montant net des recettes (recettes − débours − honoraires et suppléments rétrocédés)',
  ],
  [
    '2035A',
    'AG',
    ['AD', 'AE', 'AF'],
    [],
    'total des recettes (net + produits financiers + gains divers)',
  ],
  [
    '2035A',
    'BR',
    [
      'BA',
      'BB',
      'BC',
      'BD',
      'BE',
      'BS',
      'BV',
      'BF',
      'BG',
      'BH',
      'BJ',
      'BK',
      'BL',
      'BM',
      'BN',
      'BP',
    ],
    [],
    'total des dépenses professionnelles',
  ],
  [
    '2035B',
    'CE',
    ['CA', 'CB', 'CC', 'CD'],
    [],
    'total à intégrer (excédent + plus-values + divers + bénéfice SCM)',
  ],
  ['2035B', 'CN', ['CF', 'CG', 'CH', 'CK', 'CL', 'CM'], [], 'total des déductions'],
];

const SCM: Row[] = [
  ['2036', 'BJ', ['BA', 'BB', 'BE', 'BG', 'BH'], [], 'total des charges (calcul BNC)'],
  ['2036', 'BP', ['BK', 'BL', 'BM', 'BN'], [], 'total des produits (calcul BNC)'],
  ['2036', 'DK', ['DL', 'DM'], [], 'total des amortissements (fraction répartie + non répartie)'],
];

/** 2072-S: the BIC/IS column (G…, H…) and the BA column (J…, K…) have the same arithmetic. */
const realEstate = (p: { a: string; b: string }): Row[] => {
  const [x, y] = [p.a, p.b];
  return [
    ['2072S', `${x}C`, [`${x}A`, `${x}B`], [], "total des produits d'exploitation"],
    [
      '2072S',
      `${x}J`,
      [`${x}D`, `${x}E`, `${x}F`, `${x}G`, `${x}H`],
      [],
      "total des charges d'exploitation",
    ],
    ['2072S', `${x}K`, [`${x}C`], [`${x}J`], "résultat d'exploitation"],
    ['2072S', `${x}N`, [`${x}L`, `${x}M`], [], 'total des produits financiers'],
    ['2072S', `${x}R`, [`${x}P`, `${x}Q`], [], 'total des charges financières'],
    ['2072S', `${x}S`, [`${x}N`], [`${x}R`], 'résultat financier'],
    ['2072S', `${x}V`, [`${x}T`, `${x}U`], [], 'total des produits exceptionnels'],
    ['2072S', `${x}Y`, [`${x}W`, `${x}X`], [], 'total des charges exceptionnelles'],
    ['2072S', `${x}Z`, [`${x}V`], [`${x}Y`], 'résultat exceptionnel'],
    ['2072S', `${y}A`, [`${x}K`, `${x}S`, `${x}Z`], [], 'résultat comptable'],
    [
      '2072S',
      `${y}E`,
      [`${y}B`, `${y}C`, `${y}D`],
      [],
      'total des réintégrations extra-comptables',
    ],
    [
      '2072S',
      `${y}K`,
      [`${y}F`, `${y}G`, `${y}H`, `${y}J`],
      [],
      'total des déductions extra-comptables',
    ],
    ['2072S', `${y}R`, [`${y}A`, `${y}E`], [`${y}K`], 'résultat fiscal'],
  ].map(([form, target, sum, minus, what]) => [
    form as string,
    target as string,
    sum as string[],
    minus as string[],
    `${what as string} (${x === 'G' ? 'BIC/IS' : 'BA'})`,
  ]);
};

export const RULES_OTHER: readonly CoherenceRule[] = [
  ...BNC.map((row) =>
    rule(
      row,
      row[1].startsWith('A') && row[0] === '2035A'
        ? '2035-A, cadre I'
        : row[0] === '2035A'
          ? '2035-A, cadre II'
          : '2035-B, cadre III',
    ),
  ),
  ...SCM.map((row) => rule(row, '2036')),
  ...[...realEstate({ a: 'G', b: 'H' }), ...realEstate({ a: 'J', b: 'K' })].map((row) =>
    rule(row, '2072-S-K, cadre « Détermination du résultat »'),
  ),
  rule(
    ['2059E', 'GA', ['AF', 'AN'], ['AP'], 'valeur ajoutée (total 1 + total 2 − total 3)'],
    '2059-E',
  ),
];
