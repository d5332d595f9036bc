import { EdifactError, describeCharacter } from './edifact-error';

/**
 * The service characters of an interchange, as declared by the UNA service string advice.
 * `release` and `repetition` may be ' ' meaning "none": syntax version 3 has no repetition
 * separator (UNA position 8 is a reserved space) and version 4 allows going without a release.
 */
export interface ServiceChars {
  readonly component: string;
  readonly element: string;
  readonly decimal: string;
  readonly release: string;
  readonly repetition: string;
  readonly segment: string;
}

/** ISO 9735 defaults for syntax versions 1–3 (`UNA:+.? '`). DGFiP files declare `UNA:+,? '`. */
export const DEFAULT_SERVICE_CHARS: ServiceChars = Object.freeze({
  component: ':',
  element: '+',
  decimal: '.',
  release: '?',
  repetition: ' ',
  segment: "'",
});

/** The ISO 9735 defaults with a decimal comma, as DGFiP files declare them (`UNA:+,? '`). */
export const DECIMAL_COMMA_SERVICE_CHARS: ServiceChars = Object.freeze({
  ...DEFAULT_SERVICE_CHARS,
  decimal: ',',
});

/** ISO 9735 defaults for syntax version 4 (`UNA:+.?*'`): `*` separates repetitions. */
export const DEFAULT_SERVICE_CHARS_V4: ServiceChars = Object.freeze({
  ...DEFAULT_SERVICE_CHARS,
  repetition: '*',
});

const UNA_FIELDS = ['component', 'element', 'decimal', 'release', 'repetition', 'segment'] as const;
const FIELD_NAMES: Record<(typeof UNA_FIELDS)[number], string> = {
  component: 'le séparateur de composants',
  element: 'le séparateur d’éléments',
  decimal: 'la marque décimale',
  release: 'le caractère d’échappement',
  repetition: 'le séparateur de répétitions',
  segment: 'le terminateur de segment',
};

/** The default service characters of a syntax version (used when a file has no UNA). */
export function defaultServiceChars(version: string): ServiceChars {
  return version === '4' ? DEFAULT_SERVICE_CHARS_V4 : DEFAULT_SERVICE_CHARS;
}

/**
 * Refuses service characters that would make the syntax ambiguous: each must be one printable
 * ASCII character that is neither a letter nor a digit (tags are A–Z/0–9), all distinct; space
 * only for release/repetition ("none"); the decimal mark `,` or `.`; no repetition separator
 * before syntax version 4. (The ISO 9735 level-B defaults IS1/IS3/IS4 are not supported.)
 */
export function checkServiceChars(chars: ServiceChars, version?: string): void {
  const seen = new Map<string, string>();
  for (const [index, field] of UNA_FIELDS.entries()) {
    const value: unknown = chars[field];
    const at = { tag: 'UNA', offset: 3 + index };
    if (typeof value !== 'string' || value.length !== 1) {
      throw new EdifactError(
        'SERVICE_CHARS_INVALID',
        `${FIELD_NAMES[field]} doit être un seul caractère`,
        at,
      );
    }
    if (value === ' ' && (field === 'release' || field === 'repetition')) continue;
    if (field === 'decimal' ? value !== ',' && value !== '.' : !/^[!-/:-@[-`{-~]$/.test(value)) {
      const expected =
        field === 'decimal' ? '« , » ou « . » attendu' : 'ni lettre, ni chiffre, ni espace';
      throw new EdifactError(
        'SERVICE_CHARS_INVALID',
        `${FIELD_NAMES[field]} ne peut pas être ${describeCharacter(value)} (${expected})`,
        at,
      );
    }
    const other = seen.get(value);
    if (other !== undefined) {
      throw new EdifactError(
        'SERVICE_CHARS_INVALID',
        `${FIELD_NAMES[field]} ${describeCharacter(value)} est déjà ${other}`,
        at,
      );
    }
    seen.set(value, FIELD_NAMES[field]);
  }
  if (version !== undefined && version !== '4' && chars.repetition !== ' ') {
    throw new EdifactError(
      'SERVICE_CHARS_INVALID',
      `la syntaxe version ${version} n’a pas de séparateur de répétitions : la position 8 de ` +
        `l’UNA doit être une espace (trouvé ${describeCharacter(chars.repetition)})`,
      { tag: 'UNA', offset: 7 },
    );
  }
}

/** Reads the 9-character UNA service string advice at the start of `text`. */
export function parseUna(text: string): ServiceChars {
  if (text.length < 9 || !text.startsWith('UNA')) {
    throw new EdifactError(
      'SERVICE_CHARS_INVALID',
      'l’en-tête UNA est incomplet (« UNA » suivi de 6 caractères attendu)',
      { tag: 'UNA', offset: 0 },
    );
  }
  const chars: ServiceChars = {
    component: text.charAt(3),
    element: text.charAt(4),
    decimal: text.charAt(5),
    release: text.charAt(6),
    repetition: text.charAt(7),
    segment: text.charAt(8),
  };
  checkServiceChars(chars);
  return chars;
}

/** The UNA service string advice declaring `chars` (9 characters). */
export function formatUna(chars: ServiceChars): string {
  return `UNA${chars.component}${chars.element}${chars.decimal}${chars.release}${chars.repetition}${chars.segment}`;
}

/** True when both declare the same six characters. */
export function sameServiceChars(a: ServiceChars, b: ServiceChars): boolean {
  return UNA_FIELDS.every((field) => a[field] === b[field]);
}
