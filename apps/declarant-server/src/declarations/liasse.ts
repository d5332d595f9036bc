import type { TdfcDictionary } from '@passerelle/tdfc';

const SIMPLIFIED_ANNEXES = ['2033A', '2033B', '2033C', '2033D', '2033E', '2033F', '2033G'];
const NORMAL_ANNEXES = [
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

/**
 * The forms of the liasse a new declaration starts with: the main return (2065 at the IS, 2031
 * for BIC at the IR) and the annexes of its régime (2033-A…G simplified, 2050…2059-G normal),
 * each kept only when the campaign allows it for this taxation, category and régime.
 */
export function liasseForms(
  dictionary: TdfcDictionary,
  millesime: string,
  facts: { taxation: 'IS' | 'IR'; category: string; regime: string },
): string[] {
  const allowed = new Set(
    dictionary
      .formsFor(millesime, facts.taxation, facts.category, facts.regime)
      .map((form) => form.id),
  );
  const main = facts.taxation === 'IS' ? '2065' : '2031';
  const simplified = ['RS', 'SE', 'MS', 'BS'].includes(facts.regime);
  const annexes = simplified ? SIMPLIFIED_ANNEXES : NORMAL_ANNEXES;
  return [main, ...annexes].filter((id) => allowed.has(id));
}
