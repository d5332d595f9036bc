// The NAD segment (name and address), shared by the header parties (NAD+DT, NAD+FR…) and the
// NAD data of the forms (F-IDENTIF AA, 2033-F BA…). Element positions (EDIFACT D.00B NAD):
//   1 3035 party qualifier | 2 C082 <id>:<1131>:<3055> | 3 C058 (unused) |
//   4 C080 <name>:<name2>:<name3> | 5 C059 <street>:<complement>:<locality> | 6 3164 city |
//   7 C819 (unused) | 8 3251 postcode | 9 3207 country
// A phone (C076 3148) is not part of NAD: the data renderer writes it in a COM segment after it.
import { getComponent, type Element, type Segment } from '@passerelle/edifact';
import type { NadValue } from '../model';

/** NadValue keys written in NAD, in element order (phone excepted). */
export const NAD_KEYS = [
  'id',
  'name',
  'name2',
  'name3',
  'street',
  'complement',
  'locality',
  'city',
  'postcode',
  'country',
] as const satisfies readonly (keyof NadValue)[];

/** Maximum components per element (0: must be empty), for the reader's shape check. */
export const NAD_SHAPE = [1, 3, 0, 3, 3, 1, 0, 1, 1] as const;

/** Components, trailing absent ones dropped: one left is a simple value, none is empty. */
function composite(values: readonly (string | undefined)[]): Element {
  const list = values.map((value) => value ?? '');
  while (list.length > 0 && list.at(-1) === '') list.pop();
  return list.length > 1 ? list : (list[0] ?? '');
}

/** A NAD segment; `idQualifiers` follow the id in C082 (none when there is no id). */
export function nadSegment(
  qualifier: string,
  nad: NadValue,
  idQualifiers: readonly string[],
): Segment {
  const elements: Element[] = [
    qualifier,
    nad.id === undefined ? '' : [nad.id, ...idQualifiers],
    '',
    composite([nad.name, nad.name2, nad.name3]),
    composite([nad.street, nad.complement, nad.locality]),
    nad.city ?? '',
    '',
    nad.postcode ?? '',
    nad.country ?? '',
  ];
  while (elements.length > 1 && elements.at(-1) === '') elements.pop();
  return { tag: 'NAD', elements };
}

/** The NadValue of a NAD segment: non-empty components only (the id qualifiers dropped). */
export function readNad(segment: Segment): NadValue {
  const component = (element: number, c: number): string => getComponent(segment, element, c);
  const nad: NadValue = {};
  const set = (key: keyof NadValue, value: string): void => {
    if (value !== '') nad[key] = value;
  };
  set('id', component(2, 1));
  set('name', component(4, 1));
  set('name2', component(4, 2));
  set('name3', component(4, 3));
  set('street', component(5, 1));
  set('complement', component(5, 2));
  set('locality', component(5, 3));
  set('city', component(6, 1));
  set('postcode', component(8, 1));
  set('country', component(9, 1));
  return nad;
}
