import { EdifactError, describeCharacter, type EdifactPosition } from './edifact-error';
import { isRepetitions, type Element, type ElementValue, type Segment } from './segment';
import { DEFAULT_SERVICE_CHARS, checkServiceChars, type ServiceChars } from './service-chars';

/** A segment tag: three upper-case letters or digits. */
export const SEGMENT_TAG = /^[A-Z0-9]{3}$/;

/** Per service-character set: what must be escaped. Built once per ServiceChars object. */
interface Escaper {
  readonly chars: ServiceChars;
  /** Finds a character that needs a release character in front of it. */
  readonly special: RegExp;
  readonly specialAll: RegExp;
}

const escapers = new WeakMap<ServiceChars, Escaper>();

/** Validates the service characters once per object and prepares the escaping pattern. */
export function escaperFor(chars: ServiceChars): Escaper {
  let escaper = escapers.get(chars);
  if (!escaper) {
    checkServiceChars(chars);
    const specials = [chars.release, chars.component, chars.element, chars.segment];
    if (chars.repetition !== ' ') specials.push(chars.repetition);
    const set = specials
      .filter((c) => c !== ' ')
      .map((c) => `\\${c}`)
      .join('');
    escaper = {
      chars,
      special: new RegExp(`[${set}]`),
      specialAll: new RegExp(`[${set}]`, 'g'),
    };
    escapers.set(chars, escaper);
  }
  return escaper;
}

/** The segment as EDIFACT text, ending with the segment terminator; values are escaped. */
export function formatSegment(
  segment: Segment,
  chars: ServiceChars = DEFAULT_SERVICE_CHARS,
): string {
  return formatSegmentAt(segment, escaperFor(chars), {});
}

/**
 * formatSegment's work. One position object per segment, updated as elements and components are
 * written and copied only when something is refused. (writeInterchange does not come here: it
 * formats straight into bytes, see segment-encode.ts.)
 */
function formatSegmentAt(segment: Segment, escaper: Escaper, where: EdifactPosition): string {
  const { tag, elements } = segment;
  if (typeof tag !== 'string' || !SEGMENT_TAG.test(tag)) {
    throw new EdifactError(
      'SEGMENT_TAG_INVALID',
      `étiquette de segment invalide « ${String(tag)} » (trois lettres majuscules ou chiffres attendus)`,
      where,
    );
  }
  const at: EdifactPosition = { ...where, tag };
  if (!Array.isArray(elements)) throw inputInvalid('les éléments doivent être une liste', at);
  const { chars } = escaper;
  let text = tag;
  for (let e = 0; e < elements.length; e += 1) {
    at.element = e + 1;
    at.component = undefined;
    const element = elements[e] as Element;
    text += chars.element;
    if (typeof element === 'object' && element !== null && isRepetitions(element)) {
      const { repetitions } = element;
      if (chars.repetition === ' ' || !Array.isArray(repetitions)) {
        const detail = 'l’élément est répété mais aucun séparateur de répétitions n’est déclaré';
        throw inputInvalid(`${detail} (syntaxe version 3)`, at);
      }
      for (let r = 0; r < repetitions.length; r += 1) {
        if (r > 0) text += chars.repetition;
        text += formatValue(repetitions[r] as ElementValue, escaper, at);
      }
    } else {
      text += formatValue(element, escaper, at);
    }
  }
  return text + chars.segment;
}

function formatValue(value: ElementValue, escaper: Escaper, at: EdifactPosition): string {
  if (typeof value === 'string') return escapeText(value, escaper, at);
  if (!Array.isArray(value)) throw inputInvalid('valeur ni texte ni liste de composants', at);
  let text = '';
  for (let c = 0; c < value.length; c += 1) {
    at.component = c + 1;
    if (c > 0) text += escaper.chars.component;
    text += escapeText(value[c] as string, escaper, at);
  }
  at.component = undefined;
  return text;
}

function escapeText(value: string, escaper: Escaper, at: EdifactPosition): string {
  if (typeof value !== 'string') throw inputInvalid('valeur qui n’est pas du texte', at);
  if (!escaper.special.test(value)) return value;
  const { release } = escaper.chars;
  if (release === ' ') {
    const found = escaper.special.exec(value)?.[0] ?? '';
    throw new EdifactError(
      'VALUE_NOT_ESCAPABLE',
      `la valeur contient le caractère de service ${describeCharacter(found)} mais aucun ` +
        'caractère d’échappement n’est déclaré',
      { ...at },
    );
  }
  return value.replace(escaper.specialAll, (c) => release + c);
}

function inputInvalid(detail: string, where: EdifactPosition): EdifactError {
  return new EdifactError('INPUT_INVALID', detail, { ...where });
}
