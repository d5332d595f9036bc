import { EdifactError, describeCharacter, type EdifactErrorCode } from './edifact-error';
import type { PositionedSegment } from './segment';
import {
  locateInSegment,
  separatorCodes,
  splitElements,
  splitScratch,
  type SeparatorCodes,
} from './segment-elements';
import type { ServiceChars } from './service-chars';

/** Tab, LF, CR and space are accepted between segments (one segment per line is common). */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isTagChar(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

/** What the scanner checks segment characters against (null: anything goes). */
export interface CharsetCheck {
  /** Matches one character outside the charset and the service characters; flag 'g'. */
  readonly disallowed: RegExp;
  readonly label: string;
}

/**
 * Cuts decoded text into segments, incrementally: `push` text as it arrives, `next` returns the
 * next complete segment or null when more text is needed. Only the unfinished segment is kept,
 * so memory stays bounded by `maxSegmentLength` whatever the file size. A segment ends at the
 * first segment terminator preceded by an even run of release characters, so a release
 * character at the end of a chunk simply waits for the next chunk.
 */
export class SegmentScanner {
  private text = '';
  /** Offset in the whole input of text[0]. */
  private base = 0;
  private pos = 0;
  /** Where the search for the current segment's terminator resumes. */
  private searchFrom = 0;
  /** Index of the next character outside the charset (text.length: none), -1 when unknown. */
  private nextBad = -1;
  private codes: SeparatorCodes;
  /** Tags seen so far, so that a million MOA segments share one 'MOA' string. */
  private readonly tags = new Map<number, string>();
  private readonly scratch = splitScratch();
  /** Segments returned so far (the next one is numbered count + 1). */
  count = 0;

  constructor(
    private chars: ServiceChars,
    private readonly maxSegmentLength: number,
    private check: CharsetCheck | null = null,
  ) {
    this.codes = separatorCodes(chars);
  }

  /** Switches service characters and charset check (after UNA/UNB are known). */
  configure(chars: ServiceChars, check: CharsetCheck | null): void {
    this.chars = chars;
    this.codes = separatorCodes(chars);
    this.check = check;
    this.nextBad = -1;
  }

  /** Appends text; drops what was already consumed. */
  push(chunk: string): void {
    if (this.pos > 0) {
      this.text = this.text.slice(this.pos);
      this.base += this.pos;
      this.searchFrom -= this.pos;
      this.pos = 0;
    }
    this.text += chunk;
    this.nextBad = -1;
  }

  /** Replaces the pending text by a same-length re-decoding of it (Latin-1 → Latin-9). */
  mapPending(map: (text: string) => string): void {
    this.text = map(this.text);
  }

  /** Moves back (or forward) to an absolute offset still held in the pending text. */
  moveTo(offset: number, count: number): void {
    this.pos = offset - this.base;
    this.searchFrom = this.pos;
    this.nextBad = -1;
    this.count = count;
  }

  /** Absolute offset of the next unread character. */
  get offset(): number {
    return this.base + this.pos;
  }

  /** The pending text from the current position (to look ahead at "UNA"). */
  peek(length: number): string {
    return this.text.slice(this.pos, this.pos + length);
  }

  /** Skips blanks; true when a non-blank character is waiting. */
  skipBlanks(): boolean {
    const { text } = this;
    let p = this.pos;
    while (p < text.length && isBlank(text.charCodeAt(p))) p += 1;
    this.pos = p;
    if (this.searchFrom < p) this.searchFrom = p;
    return p < text.length;
  }

  /** The next complete segment, or null if the text ends first (an error when `atEnd`). */
  next(atEnd: boolean): PositionedSegment | null {
    if (!this.skipBlanks()) return null;
    const { text, chars } = this;
    const start = this.pos;
    let end: number;
    for (;;) {
      end = text.indexOf(chars.segment, this.searchFrom);
      if (end < 0 || end - start + 1 > this.maxSegmentLength) {
        if (end >= 0 || text.length - start > this.maxSegmentLength) {
          const limit = `la longueur maximale de ${this.maxSegmentLength} octets`;
          throw this.error('SEGMENT_TOO_LONG', `le segment dépasse ${limit}`, start);
        }
        this.searchFrom = text.length;
        if (atEnd) throw this.unterminated(start);
        return null;
      }
      if (!this.isReleased(end, start)) break;
      this.searchFrom = end + 1;
    }
    this.pos = end + 1;
    this.searchFrom = end + 1;
    const segment = this.parse(start, end);
    this.count += 1;
    return segment;
  }

  /** True when the character at `at` follows an odd run of release characters. */
  private isReleased(at: number, start: number): boolean {
    const { release } = this.codes;
    let run = 0;
    for (let i = at - 1; i >= start && this.text.charCodeAt(i) === release; i -= 1) run += 1;
    return run % 2 === 1;
  }

  private parse(start: number, end: number): PositionedSegment {
    const { text, codes } = this;
    const length = end - start;
    const c0 = text.charCodeAt(start);
    const c1 = text.charCodeAt(start + 1);
    const c2 = text.charCodeAt(start + 2);
    if (
      length < 3 ||
      !isTagChar(c0) ||
      !isTagChar(c1) ||
      !isTagChar(c2) ||
      (length > 3 && text.charCodeAt(start + 3) !== codes.element)
    ) {
      const shown = text.slice(start, end).split(this.chars.element)[0]?.slice(0, 10) ?? '';
      const expected = 'trois lettres majuscules ou chiffres attendus';
      throw this.error(
        'SEGMENT_TAG_INVALID',
        `étiquette de segment invalide « ${shown} » (${expected})`,
        start,
      );
    }
    const key = (c0 << 16) | (c1 << 8) | c2;
    let tag = this.tags.get(key);
    if (tag === undefined) {
      tag = text.slice(start, start + 3);
      this.tags.set(key, tag);
    }
    if (this.check) this.checkCharset(start, end, tag);
    const elements = length > 3 ? splitElements(text, start + 4, end, codes, this.scratch) : [];
    return { tag, elements, index: this.count + 1, offset: this.base + start };
  }

  /** One regular-expression search serves many segments: it finds the next bad character. */
  private checkCharset(start: number, end: number, tag: string): void {
    const check = this.check;
    if (!check) return;
    if (this.nextBad < start) {
      check.disallowed.lastIndex = start;
      const found = check.disallowed.exec(this.text);
      this.nextBad = found ? found.index : this.text.length;
    }
    const at = this.nextBad;
    if (at >= end) return;
    const character = describeCharacter(this.text.charAt(at));
    throw new EdifactError(
      'CHARACTER_NOT_ALLOWED',
      `le caractère ${character} n’est pas autorisé par le jeu de caractères ${check.label}`,
      {
        segment: this.count + 1,
        tag,
        ...locateInSegment(this.text, start, at, this.codes),
        offset: this.base + at,
      },
    );
  }

  /** The input ends inside a segment: say whether a release character is to blame. */
  private unterminated(start: number): EdifactError {
    const { text, chars } = this;
    const last = text.length - 1;
    if (text.charCodeAt(last) === this.codes.release && !this.isReleased(last, start)) {
      const detail = `le caractère d’échappement « ${chars.release} » termine le fichier sans caractère à protéger`;
      return this.error('RELEASE_AT_END', detail, start, last);
    }
    return this.error(
      'SEGMENT_UNTERMINATED',
      text.charAt(last) === chars.segment
        ? `le fichier se termine au milieu du segment : son « ${chars.segment} » final est ` +
            `protégé par le caractère d’échappement « ${chars.release} »`
        : `le fichier se termine au milieu du segment (terminateur « ${chars.segment} » manquant)`,
      start,
    );
  }

  private error(code: EdifactErrorCode, detail: string, start: number, at = start): EdifactError {
    const head = this.text.slice(start, start + 4);
    const tagged =
      code !== 'SEGMENT_TAG_INVALID' &&
      /^[A-Z0-9]{3}$/.test(head.slice(0, 3)) &&
      (head.length === 3 || head.charAt(3) === this.chars.element);
    return new EdifactError(code, detail, {
      segment: this.count + 1,
      ...(tagged ? { tag: head.slice(0, 3) } : {}),
      offset: this.base + at,
    });
  }
}
