import { CHARSET_LABELS, LATIN9_BYTES, byteTable, type Charset } from './charsets';
import { EdifactError, describeCharacter, type EdifactPosition } from './edifact-error';
import { isRepetitions, type Element, type ElementValue, type Segment } from './segment';
import { SEGMENT_TAG } from './segment-format';
import type { ServiceChars } from './service-chars';

/**
 * Formats segments straight into the bytes of a charset: escaping, the character-set check and
 * encoding happen in one pass over each value's characters, with no intermediate strings (the
 * writer produces a million segments for a 10 MB interchange). Errors name the segment,
 * element and component.
 */
export class SegmentEncoder {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;
  /** Byte of each code below 256, -1 if refused; service characters always allowed. */
  private readonly bytes: Int16Array;
  /** Codes (below 128) that need a release character in front of them. */
  private readonly special = new Uint8Array(128);
  private readonly release: number;
  private readonly at: EdifactPosition = {};

  constructor(
    private readonly chars: ServiceChars,
    private readonly charset: Charset,
  ) {
    this.bytes = byteTable(charset);
    for (const c of [
      chars.component,
      chars.element,
      chars.release,
      chars.repetition,
      chars.segment,
    ]) {
      if (c === ' ') continue;
      const code = c.charCodeAt(0);
      this.special[code] = 1;
      this.bytes[code] = code;
    }
    this.release = chars.release === ' ' ? -1 : chars.release.charCodeAt(0);
  }

  /** Byte offset of the next byte written. */
  get offset(): number {
    return this.length;
  }

  /** Writes ASCII text as is (UNA, line breaks). */
  raw(text: string): void {
    this.reserve(text.length);
    for (let i = 0; i < text.length; i += 1) this.buffer[this.length++] = text.charCodeAt(i);
  }

  /** Writes one segment, terminator included; `index` is its number in the interchange. */
  segment(segment: Segment, index: number): void {
    const { tag, elements } = segment;
    const at = this.at;
    at.segment = index;
    at.tag = undefined;
    at.element = undefined;
    at.component = undefined;
    at.offset = this.length;
    if (typeof tag !== 'string' || !SEGMENT_TAG.test(tag)) {
      const shown = String(tag);
      const detail = `étiquette de segment invalide « ${shown} » (trois lettres majuscules ou chiffres attendus)`;
      throw new EdifactError('SEGMENT_TAG_INVALID', detail, { ...at });
    }
    at.tag = tag;
    if (!Array.isArray(elements)) throw this.invalid('les éléments doivent être une liste');
    this.raw(tag);
    const { chars } = this;
    for (let e = 0; e < elements.length; e += 1) {
      at.element = e + 1;
      at.component = undefined;
      this.raw(chars.element);
      const element = elements[e] as Element;
      if (typeof element === 'object' && element !== null && isRepetitions(element)) {
        const { repetitions } = element;
        if (chars.repetition === ' ' || !Array.isArray(repetitions)) {
          throw this.invalid(
            'l’élément est répété mais aucun séparateur de répétitions n’est déclaré (syntaxe version 3)',
          );
        }
        for (let r = 0; r < repetitions.length; r += 1) {
          if (r > 0) this.raw(chars.repetition);
          this.value(repetitions[r] as ElementValue);
        }
      } else {
        this.value(element);
      }
    }
    this.raw(chars.segment);
  }

  /** The bytes written so far. */
  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private value(value: ElementValue): void {
    if (typeof value === 'string') return this.text(value);
    if (!Array.isArray(value)) throw this.invalid('valeur ni texte ni liste de composants');
    for (let c = 0; c < value.length; c += 1) {
      this.at.component = c + 1;
      if (c > 0) this.raw(this.chars.component);
      this.text(value[c] as string);
    }
  }

  private text(text: string): void {
    if (typeof text !== 'string') throw this.invalid('valeur qui n’est pas du texte');
    this.reserve(text.length * 2);
    const { bytes, special, release, buffer } = this;
    let length = this.length;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      const byte =
        code < 256
          ? (bytes[code] as number)
          : this.charset === 'UNOL'
            ? (LATIN9_BYTES.get(code) ?? -1)
            : -1;
      if (byte < 0) throw this.refused(text, i);
      if (code < 128 && special[code] === 1) {
        if (release < 0) throw this.notEscapable(text.charAt(i));
        buffer[length++] = release;
      }
      buffer[length++] = byte;
    }
    this.length = length;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  private refused(text: string, i: number): EdifactError {
    const character = describeCharacter(String.fromCodePoint(text.codePointAt(i) ?? 0));
    const detail = `le caractère ${character} n’est pas autorisé par le jeu de caractères ${CHARSET_LABELS[this.charset]}`;
    return new EdifactError('CHARACTER_NOT_ALLOWED', detail, { ...this.at });
  }

  private notEscapable(character: string): EdifactError {
    const detail =
      `la valeur contient le caractère de service ${describeCharacter(character)} mais aucun ` +
      'caractère d’échappement n’est déclaré';
    return new EdifactError('VALUE_NOT_ESCAPABLE', detail, { ...this.at });
  }

  private invalid(detail: string): EdifactError {
    return new EdifactError('INPUT_INVALID', detail, { ...this.at });
  }
}
