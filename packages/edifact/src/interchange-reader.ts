import {
  CHARSET_LABELS,
  decodeBytes,
  disallowedPattern,
  isCharset,
  latin1ToLatin9,
  type Charset,
} from './charsets';
import { EdifactError } from './edifact-error';
import { EnvelopeChecker } from './envelope-check';
import {
  DEFAULT_MAX_INTERCHANGE_SIZE,
  DEFAULT_MAX_SEGMENT_LENGTH,
  type InterchangeStart,
  type ReadOptions,
  type StreamEvent,
} from './interchange';
import { getComponent } from './segment';
import { SegmentScanner } from './segment-scanner';
import {
  DEFAULT_SERVICE_CHARS,
  checkServiceChars,
  defaultServiceChars,
  parseUna,
  type ServiceChars,
} from './service-chars';

/**
 * Push-driven interchange reader: bytes in (whole or in chunks), events out. Until UNB is read
 * the bytes are decoded as Latin-1 (UNA and UNB are ASCII in practice); once UNB declares the
 * charset, the pending text is re-decoded if needed and UNB is scanned again with the charset
 * check, so every segment, UNB included, is checked the same way.
 */
export class InterchangeReader {
  private readonly maxSegmentLength: number;
  private readonly maxInterchangeSize: number;
  private readonly scanner: SegmentScanner;
  private phase: 'una' | 'unb' | 'body' | 'after-unz' = 'una';
  private chars: ServiceChars = DEFAULT_SERVICE_CHARS;
  private hadUna = false;
  private charset: Charset | null = null;
  private checker: EnvelopeChecker | null = null;
  private received = 0;

  constructor(options: ReadOptions = {}) {
    this.maxSegmentLength = limit(options.maxSegmentLength, DEFAULT_MAX_SEGMENT_LENGTH);
    this.maxInterchangeSize = limit(options.maxInterchangeSize, DEFAULT_MAX_INTERCHANGE_SIZE);
    this.scanner = new SegmentScanner(DEFAULT_SERVICE_CHARS, this.maxSegmentLength);
  }

  /**
   * Takes the next bytes of the file; yields the events they complete, one by one, so that the
   * events before an error are delivered before it is thrown. Consume the generator fully.
   */
  *push(bytes: Uint8Array): Generator<StreamEvent, void, undefined> {
    if (!(bytes instanceof Uint8Array)) {
      throw new EdifactError(
        'INPUT_INVALID',
        'le fichier doit être lu en octets (Uint8Array), pas en texte',
      );
    }
    this.received += bytes.byteLength;
    if (this.received > this.maxInterchangeSize) {
      throw new EdifactError(
        'INTERCHANGE_TOO_LARGE',
        `le fichier dépasse la taille maximale de ${this.maxInterchangeSize} octets`,
        { offset: this.maxInterchangeSize },
      );
    }
    this.scanner.push(decodeBytes(bytes, this.charset ?? 'latin1'));
    yield* this.drain(false);
  }

  /** Declares the end of the file; yields the last events (ending with 'interchange-end'). */
  *end(): Generator<StreamEvent, void, undefined> {
    yield* this.drain(true);
  }

  private *drain(atEnd: boolean): Generator<StreamEvent, void, undefined> {
    if (this.phase === 'una' && !this.readUna(atEnd)) return;
    if (this.phase === 'unb') {
      const start = this.readUnb(atEnd);
      if (!start) return;
      yield start;
    }
    const checker = this.checker;
    if (!checker) return;
    const { scanner } = this;
    while (this.phase === 'body') {
      const segment = scanner.next(atEnd);
      if (!segment) break;
      const event = checker.accept(segment);
      if (event) yield event;
      if (checker.trailer) this.phase = 'after-unz';
    }
    if (this.phase === 'after-unz' && scanner.skipBlanks()) {
      throw new EdifactError(
        'DATA_AFTER_UNZ',
        'des données suivent la fin de l’interchange (UNZ)',
        {
          segment: scanner.count + 1,
          offset: scanner.offset,
        },
      );
    }
    if (atEnd) yield checker.finish(scanner.count + 1, scanner.offset);
  }

  /** UNA, if the file starts with it; false while too few bytes have arrived to tell. */
  private readUna(atEnd: boolean): boolean {
    const { scanner } = this;
    if (scanner.offset === 0) {
      const head = scanner.peek(9);
      const undecided =
        head.length < 3 ? 'UNA'.startsWith(head) : head.startsWith('UNA') && head.length < 9;
      if (undecided && !atEnd) return false;
      if (head.startsWith('UNA')) {
        this.chars = parseUna(head);
        this.hadUna = true;
        scanner.configure(this.chars, null);
        scanner.moveTo(9, 0);
        this.phase = 'unb';
        return true;
      }
    }
    // No UNA at byte 0: one after blanks would otherwise be reported as a bad segment tag.
    if (scanner.skipBlanks()) {
      const next = scanner.peek(3);
      if (next.length < 3 && 'UNA'.startsWith(next) && !atEnd) return false;
      if (next === 'UNA') {
        throw new EdifactError(
          'UNB_MISSING',
          'l’en-tête UNA doit se trouver au tout début du fichier',
          {
            segment: 1,
            tag: 'UNA',
            offset: scanner.offset,
          },
        );
      }
    } else if (!atEnd) {
      return false;
    }
    this.phase = 'unb';
    return true;
  }

  /** UNB: syntax identifier, then the same segment again under its charset. */
  private readUnb(atEnd: boolean): StreamEvent | null {
    const { scanner } = this;
    const first = scanner.next(atEnd);
    if (!first) {
      if (!atEnd) return null;
      const detail = this.hadUna
        ? 'l’en-tête UNA n’est suivi d’aucun segment UNB'
        : 'le fichier est vide';
      throw new EdifactError('UNB_MISSING', detail, { offset: scanner.offset });
    }
    if (first.tag !== 'UNB') {
      throw new EdifactError(
        'UNB_MISSING',
        `le fichier doit commencer par un segment UNB (trouvé ${first.tag})`,
        { segment: 1, tag: first.tag, offset: first.offset },
      );
    }
    const identifier = getComponent(first, 1, 1);
    const version = getComponent(first, 1, 2);
    const where = { segment: 1, tag: 'UNB', offset: first.offset, element: 1 };
    if (!isCharset(identifier)) {
      throw new EdifactError(
        'SYNTAX_UNSUPPORTED',
        `jeu de caractères « ${identifier} » non pris en charge (UNOA, UNOB, UNOC ou UNOL attendu)`,
        { ...where, component: 1 },
      );
    }
    if (!/^[1-4]$/.test(version)) {
      throw new EdifactError(
        'SYNTAX_UNSUPPORTED',
        `version de syntaxe « ${version} » non prise en charge (1 à 4 attendu)`,
        { ...where, component: 2 },
      );
    }
    if (this.hadUna) checkServiceChars(this.chars, version);
    else this.chars = defaultServiceChars(version);
    this.charset = identifier;
    if (identifier === 'UNOL') scanner.mapPending(latin1ToLatin9);
    const { component, element, release, repetition, segment } = this.chars;
    const serviceChars = `${component}${element}${release}${repetition}${segment}`.replaceAll(
      ' ',
      '',
    );
    scanner.configure(this.chars, {
      disallowed: disallowedPattern(identifier, serviceChars, 'g'),
      label: CHARSET_LABELS[identifier],
    });
    scanner.moveTo(first.offset, 0);
    // Same bytes, same terminator: the segment is complete again (or refused by the charset).
    const header = scanner.next(atEnd) ?? first;
    const start: InterchangeStart = {
      serviceChars: this.chars,
      hadUna: this.hadUna,
      syntax: { identifier, version },
      header,
    };
    this.checker = new EnvelopeChecker(start);
    this.phase = 'body';
    return { type: 'interchange-start', ...start };
  }
}

function limit(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new EdifactError('INPUT_INVALID', `limite de taille invalide (${String(value)})`);
  }
  return value;
}
