/** A composite data element: its components, in order (at least two once parsed). */
export type Composite = readonly string[];

/** A simple data element (a string) or a composite one (its components). */
export type ElementValue = string | Composite;

/**
 * A repeated data element (syntax version 4, repetition separator active): its occurrences.
 * Parsing yields it only when a repetition separator is present, so version 3 never sees it.
 */
export interface Repetitions {
  readonly repetitions: readonly ElementValue[];
}

/**
 * One data element of a segment. Parsing is canonical: a value without component separator is a
 * string, with one a Composite (2+ strings), and values are unescaped (`D?'EXPERTISE` → `D'EXPERTISE`).
 */
export type Element = ElementValue | Repetitions;

/** A segment: its tag (three upper-case letters or digits) and its data elements after the tag. */
export interface Segment {
  readonly tag: string;
  readonly elements: readonly Element[];
}

/** A segment as read from a file: its number (UNB = 1) and the byte offset of its tag. */
export interface PositionedSegment extends Segment {
  readonly index: number;
  readonly offset: number;
}

/** True for a repeated element. */
export function isRepetitions(element: Element): element is Repetitions {
  return typeof element === 'object' && !Array.isArray(element);
}

/** The components of a value: `['A']` for the simple value `'A'`. */
export function componentsOf(value: ElementValue): Composite {
  return typeof value === 'string' ? [value] : value;
}

/**
 * Component `component` (from 1) of element `element` (from 1 after the tag; the first
 * occurrence when repeated), or '' when absent, as EDIFACT treats omitted data.
 */
export function getComponent(segment: Segment, element: number, component = 1): string {
  const found = segment.elements[element - 1];
  if (found === undefined) return '';
  const value = isRepetitions(found) ? found.repetitions[0] : found;
  if (value === undefined) return '';
  return componentsOf(value)[component - 1] ?? '';
}
