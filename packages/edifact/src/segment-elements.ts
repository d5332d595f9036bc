import type { Element, ElementValue } from './segment';
import type { ServiceChars } from './service-chars';

/** The service characters as UTF-16 codes; -1 for an absent release or repetition character. */
export interface SeparatorCodes {
  readonly element: number;
  readonly component: number;
  readonly repetition: number;
  readonly release: number;
  readonly segment: number;
}

/** Codes of the service characters, for character-by-character scanning. */
export function separatorCodes(chars: ServiceChars): SeparatorCodes {
  return {
    element: chars.element.charCodeAt(0),
    component: chars.component.charCodeAt(0),
    repetition: chars.repetition === ' ' ? -1 : chars.repetition.charCodeAt(0),
    release: chars.release === ' ' ? -1 : chars.release.charCodeAt(0),
    segment: chars.segment.charCodeAt(0),
  };
}

/** Reusable state of splitElements for one scanner: scratch arrays and shared short values. */
export interface SplitScratch {
  readonly elements: Element[];
  readonly components: string[];
  /** Values of up to 3 characters ('ZZZ', '1', '71'…), shared: fewer strings for the GC. */
  readonly shortValues: Map<number, string>;
}

/** Fresh scratch state for splitElements. */
export function splitScratch(): SplitScratch {
  return { elements: [], components: [], shortValues: new Map() };
}

/**
 * The data elements of text[from, end) (a segment after its tag and first element separator),
 * unescaped, in one pass: values are sliced straight from the text, and only a value holding a
 * release character is rebuilt piecewise. Elements and components are gathered in scratch
 * arrays and copied out at their exact size (arrays grown by push keep spare capacity: for a
 * million segments that doubled the heap). The caller guarantees that a release character is
 * never the last character of the range (the terminator search ensures it).
 */
export function splitElements(
  text: string,
  from: number,
  end: number,
  codes: SeparatorCodes,
  scratch: SplitScratch,
): Element[] {
  const { element, component, repetition, release } = codes;
  const { elements, components, shortValues } = scratch;
  let elementCount = 0;
  let componentCount = 0;
  let repeated: ElementValue[] | null = null;
  let escaped: string | null = null;
  let start = from;
  for (let i = from; i <= end; i += 1) {
    const c = i === end ? element : text.charCodeAt(i);
    if (c === release) {
      escaped = (escaped ?? '') + text.slice(start, i) + text.charAt(i + 1);
      i += 1;
      start = i + 1;
      continue;
    }
    if (c !== element && c !== component && c !== repetition) continue;
    let value: string;
    if (escaped !== null) {
      value = escaped + text.slice(start, i);
      escaped = null;
    } else if (i - start <= 3) {
      value = shortValue(text, start, i, shortValues);
    } else {
      value = text.slice(start, i);
    }
    start = i + 1;
    if (c === component) {
      components[componentCount++] = value;
      continue;
    }
    let whole: ElementValue = value;
    if (componentCount > 0) {
      components[componentCount++] = value;
      whole = components.slice(0, componentCount);
      componentCount = 0;
    }
    if (c === repetition) {
      if (repeated === null) repeated = [whole];
      else repeated.push(whole);
    } else if (repeated !== null) {
      repeated.push(whole);
      elements[elementCount++] = { repetitions: repeated };
      repeated = null;
    } else {
      elements[elementCount++] = whole;
    }
  }
  return elements.slice(0, elementCount);
}

/** A value of up to 3 characters, from the shared ones when its characters are one-byte. */
function shortValue(text: string, start: number, end: number, cache: Map<number, string>): string {
  let key = end - start;
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return text.slice(start, end);
    key = key * 256 + c;
  }
  let value = cache.get(key);
  if (value === undefined) {
    value = text.slice(start, end);
    if (cache.size < 10_000) cache.set(key, value);
  }
  return value;
}

/** Element and component numbers (from 1 after the tag) of the character at `at`. */
export function locateInSegment(
  text: string,
  start: number,
  at: number,
  codes: SeparatorCodes,
): { element?: number; component?: number } {
  let element = 0;
  let component = 1;
  for (let i = start; i < at; i += 1) {
    const c = text.charCodeAt(i);
    if (c === codes.release) i += 1;
    else if (c === codes.element) [element, component] = [element + 1, 1];
    else if (c === codes.component) component += 1;
    else if (c === codes.repetition) component = 1;
  }
  return element === 0 ? {} : { element, component };
}
