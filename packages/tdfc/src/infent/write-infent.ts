// The INFENT-DF interchange writer: UNA, UNB, one UNG INFENT group holding one message per
// declaration (header, then every value of `cellsOf` rendered by the DatumRenderer), UNE, UNZ.
// No AUTACK here: the signature is added by the next layer. Nothing is validated (callers run
// validateDeclaration first), but what cannot be written readably is refused with its cell.
import {
  EdifactError,
  formatDateTime,
  writeInterchange,
  type MessageInput,
  type Segment,
} from '@passerelle/edifact';
import { cellsOf, type DeclaredValue } from '../cells';
import type { TdfcDictionary } from '../dictionary/types';
import { readIdentification } from '../identification';
import type { Declaration } from '../model';
import { DEFAULT_DATUM_RENDERER, type DatumRenderer } from './datum-rendering';
import { DEFAULT_INFENT_PROFILE, type InfentEnvelope, type InfentProfile } from './envelope-config';
import { DatumError, InfentError, cellName, type InfentPosition } from './infent-error';
import { headerSegments } from './message-header';

export interface WriteInfentOptions {
  /** The fixed envelope values (default DEFAULT_INFENT_PROFILE). */
  profile?: InfentProfile;
  /** The datum rendering (default DEFAULT_DATUM_RENDERER, edi-tdfc.md §2.9). */
  renderer?: DatumRenderer;
}

/** What a written segment comes from: a value, or a header part (for error messages). */
type Origin = DeclaredValue | string;

/** The position of a value of declaration `index` (0-based). */
function placeOf(index: number, value: DeclaredValue): InfentPosition {
  const { formId: form, code, formOccurrence, valueIndex } = value;
  return { declaration: index + 1, form, code, formOccurrence, valueIndex };
}

/** UNH 0062 of the n-th message (1-based): `00001`. */
export const messageReference = (n: number): string => String(n).padStart(5, '0');

/**
 * Writes the declarations as one INFENT-DF interchange (bytes in the profile's charset, UNOL).
 * Throws InfentError naming the declaration and cell when a value cannot be written (a
 * character outside ISO-8859-15, a text where an amount goes, a key that does not fit…).
 */
export function writeInfentInterchange(
  dictionary: TdfcDictionary,
  declarations: readonly Declaration[],
  envelope: InfentEnvelope,
  options: WriteInfentOptions = {},
): Uint8Array {
  const profile = options.profile ?? DEFAULT_INFENT_PROFILE;
  const renderer = options.renderer ?? DEFAULT_DATUM_RENDERER;
  const { syntax, serviceChars: chars, timeZone } = profile;
  const dateTime = formatDateTime(envelope.preparedAt, { timeZone });
  const [preparedOn = ''] = formatDateTime(envelope.preparedAt, { version: '4', timeZone });
  const origins: Origin[][] = [];
  const messages = declarations.map((declaration, index): MessageInput => {
    checkReadable(declaration, index);
    const reference = messageReference(index + 1);
    const header = headerSegments(declaration, envelope, profile, reference, preparedOn);
    const segments: Segment[] = header.segments;
    const from: Origin[] = [...header.origins];
    let sequence = 0;
    for (const value of cellsOf(dictionary, declaration)) {
      sequence += 1;
      let rendered: Segment[];
      try {
        rendered = renderer.render(value, { sequence, chars });
      } catch (error) {
        throw cellError(error, placeOf(index, value));
      }
      for (const segment of rendered) {
        segments.push(segment);
        from.push(value);
      }
    }
    if (sequence === 0) {
      const detail = `aucune donnée à écrire (formulaires vides ou inconnus du millésime ${declaration.millesime})`;
      throw new InfentError(detail, { declaration: index + 1 });
    }
    origins.push(from);
    return {
      reference,
      type: [...profile.message.type, profile.message.associationCode],
      segments,
    };
  });
  try {
    return writeInterchange({
      syntax,
      serviceChars: chars,
      unb: {
        sender: [
          envelope.firm.siret,
          profile.unb.senderQualifier,
          ...(profile.unb.senderRouting ? [profile.unb.senderRouting] : []),
        ],
        recipient: [envelope.partner.number, profile.unb.recipientQualifier],
        dateTime,
        controlReference: envelope.controlReference,
        agreementIdentifier: profile.unb.agreementIdentifier,
        testIndicator: envelope.test,
      },
      groups: [
        {
          ung: {
            identification: profile.ung.identification,
            sender: profile.ung.sender,
            recipient: profile.ung.recipient,
            dateTime,
            reference: '1',
            controllingAgency: profile.ung.controllingAgency,
            messageVersion: [
              profile.message.type[1],
              profile.message.type[2],
              profile.message.associationCode,
            ],
          },
          messages,
        },
      ],
      lineBreaks: profile.lineBreaks,
      countDigits: profile.countDigits,
    });
  } catch (error) {
    throw locate(error, messages, origins);
  }
}

/** Refuses what the reader could not rebuild a Declaration from (SIREN, exercise dates). */
function checkReadable(declaration: Declaration, index: number): void {
  const { siren, start, end } = readIdentification(declaration);
  const missing =
    !declaration.siren && !siren
      ? 'SIREN du déclarant absent'
      : !start || !end
        ? 'dates de l’exercice absentes (F-IDENTIF CA et CB)'
        : undefined;
  if (missing)
    throw new InfentError(`${missing} : le message serait illisible`, { declaration: index + 1 });
}

/** A render failure as an InfentError on the cell. */
function cellError(error: unknown, place: InfentPosition): unknown {
  const detail =
    error instanceof DatumError
      ? error.detail
      : error instanceof EdifactError
        ? error.message
        : undefined;
  if (detail === undefined) return error;
  return new InfentError(`${cellName(place)} : ${detail}`, place, { cause: error });
}

/**
 * Maps an EdifactError of writeInterchange (segment numbered in the interchange: UNB 1, UNG 2,
 * then UNH, body, UNT per message) back to its declaration and cell or header part.
 */
function locate(error: unknown, messages: readonly MessageInput[], origins: Origin[][]): unknown {
  if (!(error instanceof EdifactError)) return error;
  const detail = error.message.replace(/^Segment [^:]*: /, '');
  let first = 3;
  for (const [m, message] of messages.entries()) {
    const body = (error.segment ?? 0) - first - 1;
    if (body >= 0 && body < message.segments.length) {
      const origin = origins[m]?.[body] ?? '';
      if (typeof origin !== 'string') {
        const place = placeOf(m, origin);
        return new InfentError(`${cellName(place)} : ${detail}`, place, { cause: error });
      }
      const place = { declaration: m + 1 };
      return new InfentError(`en-tête du message (${origin}) : ${detail}`, place, { cause: error });
    }
    first += message.segments.length + 2;
  }
  return new InfentError(`enveloppe de l’interchange : ${error.message}`, {}, { cause: error });
}
