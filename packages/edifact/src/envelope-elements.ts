import { EdifactError } from './edifact-error';
import type { PositionedSegment } from './segment';

// The element-level checks of the service segments (UNB, UNG, UNH and their trailers).

/** The position of a whole segment, for errors. */
export function at(segment: PositionedSegment): { segment: number; tag: string; offset: number } {
  return { segment: segment.index, tag: segment.tag, offset: segment.offset };
}

/** A service segment where the envelope does not allow it. */
export function unexpected(segment: PositionedSegment, why: string): EdifactError {
  return new EdifactError(
    'UNEXPECTED_SEGMENT',
    `segment ${segment.tag} inattendu : ${why}`,
    at(segment),
  );
}

/** A mandatory simple element of a service segment. */
export function simple(segment: PositionedSegment, element: number, label: string): string {
  const value = segment.elements[element - 1];
  if (value === undefined || value === '') {
    throw new EdifactError('ELEMENT_INVALID', `élément obligatoire absent : ${label}`, {
      ...at(segment),
      element,
    });
  }
  if (typeof value !== 'string') {
    throw new EdifactError(
      'ELEMENT_INVALID',
      `${label} doit être une valeur simple, sans composant`,
      {
        ...at(segment),
        element,
      },
    );
  }
  return value;
}

/** Element 1 of UNT/UNE/UNZ: the count of what they close. */
export function checkCount(trailer: PositionedSegment, what: string, actual: number): void {
  const text = simple(trailer, 1, `nombre de ${what}`);
  if (!/^[0-9]{1,15}$/.test(text)) {
    throw new EdifactError(
      'ELEMENT_INVALID',
      `le nombre de ${what} doit être un entier (trouvé « ${text} »)`,
      {
        ...at(trailer),
        element: 1,
      },
    );
  }
  if (Number(text) !== actual) {
    throw new EdifactError(
      'COUNT_MISMATCH',
      `le nombre de ${what} annoncé (${text}) ne correspond pas au nombre réel (${actual})`,
      { ...at(trailer), element: 1 },
    );
  }
}

/** The reference a trailer repeats from its header (UNT 0062, UNE 0048, UNZ 0020). */
export function checkReference(
  trailer: PositionedSegment,
  element: number,
  of: string,
  expected: string,
  header: string,
): void {
  const text = simple(trailer, element, `référence ${of}`);
  if (text !== expected) {
    throw new EdifactError(
      'REFERENCE_MISMATCH',
      `la référence ${of} (${text}) ne correspond pas à celle de ${header} (${expected})`,
      { ...at(trailer), element },
    );
  }
}
