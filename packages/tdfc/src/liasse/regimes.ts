// The liasse each case a firm files starts with: its main return and annexes, by taxation,
// category and régime (F-IDENTIF BA, BB, BC). Every form is still filtered through the official
// forms table (`dictionary.formsFor`), so a form the campaign does not allow is never offered.
// The sources of each line are in docs/regimes.md.

/** One case of the table: who files it, and the forms its liasse starts with. */
export interface LiasseCase {
  id: string;
  /** French name shown to users. */
  label: string;
  taxation: 'IS' | 'IR';
  /** TCF categories (ignored at the IS: the forms table has one block of IS columns). */
  categories: readonly string[];
  /** TRF régimes. */
  regimes: readonly string[];
  /** The main return (flag R of the forms table). */
  main: string;
  /** The annexes filed with it. */
  annexes: readonly string[];
  /** Legal and DGFiP source, in short (docs/regimes.md has the full text). */
  source: string;
}

export const SIMPLIFIED_ANNEXES = ['2033A', '2033B', '2033C', '2033D', '2033E', '2033F', '2033G'];
export const NORMAL_ANNEXES = [
  '2050',
  '2051',
  '2052',
  '2053',
  '2054',
  '2055',
  '2056',
  '2057',
  '2058A',
  '2058B',
  '2058C',
  '2059A',
  '2059B',
  '2059C',
  '2059D',
  '2059E',
  '2059F',
  '2059G',
];

const ANY = ['BI', 'BC', 'BA', 'RF', 'FL'];

export const LIASSE_CASES: readonly LiasseCase[] = [
  {
    id: 'is-rs',
    label: 'BIC à l’IS, réel simplifié',
    taxation: 'IS',
    categories: ANY,
    regimes: ['RS', 'SE'],
    main: '2065',
    annexes: SIMPLIFIED_ANNEXES,
    source:
      'CGI art. 223 et 302 septies A bis ; formulaires 2065-SD et 2033-A…G-SD ; TDFC colonnes ISRS, ISSE',
  },
  {
    id: 'is-rn',
    label: 'BIC à l’IS, réel normal',
    taxation: 'IS',
    categories: ANY,
    regimes: ['RN', 'NE', 'GT', 'GM'],
    main: '2065',
    annexes: NORMAL_ANNEXES,
    source:
      'CGI art. 223 ; formulaires 2065-SD et 2050…2059-G-SD ; TDFC colonnes ISRN, ISNE, ISGT, ISGM',
  },
  {
    id: 'bic-ir-rs',
    label: 'BIC à l’IR, réel simplifié',
    taxation: 'IR',
    categories: ['BI'],
    regimes: ['RS', 'SE'],
    main: '2031',
    annexes: SIMPLIFIED_ANNEXES,
    source:
      'CGI art. 53 A et 302 septies A bis ; formulaires 2031-SD et 2033-A…G-SD ; TDFC colonnes BIRS, BISE',
  },
  {
    id: 'bic-ir-rn',
    label: 'BIC à l’IR, réel normal',
    taxation: 'IR',
    categories: ['BI'],
    regimes: ['RN', 'NE'],
    main: '2031',
    annexes: NORMAL_ANNEXES,
    source: 'CGI art. 53 A ; formulaires 2031-SD et 2050…2059-G-SD ; TDFC colonnes BIRN, BINE',
  },
  {
    id: 'scm',
    label: 'Société civile de moyens (SCM)',
    taxation: 'IR',
    categories: ['BI'],
    regimes: ['MN', 'MS'],
    main: '2036',
    annexes: [],
    source: 'CGI art. 239 quater A ; formulaire 2036-SD ; TDFC colonnes BIMN, BIMS (2036 R)',
  },
  {
    id: 'bnc',
    label: 'BNC, déclaration contrôlée',
    taxation: 'IR',
    categories: ['BC'],
    regimes: ['DC'],
    main: '2035',
    annexes: ['2035A', '2035B'],
    source: 'CGI art. 97 ; formulaires 2035-SD, 2035-A-SD, 2035-B-SD ; TDFC colonne BCDC',
  },
  {
    id: 'sci',
    label: 'Société immobilière non soumise à l’IS (SCI)',
    taxation: 'IR',
    categories: ['RF'],
    regimes: ['72'],
    main: '2072S',
    annexes: [],
    source: 'CGI art. 8 et 172 bis ; formulaire 2072-S-SD ; TDFC colonne RF72 (2072S R)',
  },
];

/** The case of a taxation, category and régime, or undefined when the table has none. */
export function liasseCaseOf(facts: {
  taxation: 'IS' | 'IR';
  category: string;
  regime: string;
}): LiasseCase | undefined {
  return LIASSE_CASES.find(
    (item) =>
      item.taxation === facts.taxation &&
      item.categories.includes(facts.category) &&
      item.regimes.includes(facts.regime),
  );
}
