// The INFENT-DF message header (edi-tdfc.md §2.5), between UNH and the first datum:
//   BGM+IDF:71:211+<control ref>-<message ref>'     document code, document reference [G ref]
//   DTM+242:<CCYYMMDD>:102'                         preparation date
//   RFF+AUM:<editor>'  RFF+AUN:<software>::<version>'  RFF+AUO:<attestation no.>'
//   NAD+DT+<SIREN>:100:107++<name>…'  RFF+ACD:<ROF>'  redevable (F-IDENTIF AA, KD)
//   NAD+FR+<SIRET>:100:107++CEC_EDI_TDFC:<firm>+<street>+<city>++<postcode>+<country>'
//   NAD+MS+<partner no.>:100:268++<partner name>'   NAD+MR+++DGI_EDI_TDFC'
// Qualifiers and designations come from the InfentProfile.
import { getComponent, type Message, type Segment } from '@passerelle/edifact';
import { IDENTIF } from '../identification';
import { IDENTIFICATION_FORM, isNadValue, type Declaration, type NadValue } from '../model';
import type { InfentEnvelope, InfentProfile } from './envelope-config';
import { DatumError } from './infent-error';
import { nadSegment, readNad } from './nad-segment';

/** The header facts of one message, as read. */
export interface InfentMessageFacts {
  /** UNH 0062. */
  reference: string;
  /** UNH S009 0057 (`FD2501`). */
  associationCode?: string;
  /** BGM C002 1001 (`IDF`) and 1004. */
  documentCode: string;
  documentReference?: string;
  /** DTM+242 as an ISO date. */
  preparedOn?: string;
  software: { editor?: string; name?: string; version?: string };
  attestation?: string;
  rof?: string;
  /** NAD+DT, NAD+FR (designation in `name`, firm in `name2`), partner NAD. */
  declarant?: NadValue;
  writer?: NadValue;
  partner?: NadValue;
  /** Names of the recipient NADs (`DGI_EDI_TDFC`). */
  recipients: string[];
}

/** The header segments of the declaration's message, each with what it comes from. */
export function headerSegments(
  declaration: Declaration,
  envelope: InfentEnvelope,
  profile: InfentProfile,
  messageReference: string,
  preparedOn: string,
): { segments: Segment[]; origins: string[] } {
  const { message, parties } = profile;
  const identification = declaration.forms[IDENTIFICATION_FORM]?.[0] ?? {};
  const aa = identification[IDENTIF.declarant];
  const address = aa !== undefined && !Array.isArray(aa) && isNadValue(aa) ? aa : {};
  const { id: _id, phone: _phone, ...declarant } = address;
  const rof = identification[IDENTIF.rof];
  const { firm, partner, software } = envelope;
  const list: [Segment, string][] = [
    [
      {
        tag: 'BGM',
        elements: [[...message.documentCode], `${envelope.controlReference}-${messageReference}`],
      },
      'BGM',
    ],
    [{ tag: 'DTM', elements: [[message.preparationDateQualifier, preparedOn, '102']] }, 'DTM'],
    [{ tag: 'RFF', elements: [[message.software.editor, software.editor]] }, 'éditeur du logiciel'],
    [
      { tag: 'RFF', elements: [[message.software.name, software.name, '', software.version]] },
      'nom et version du logiciel',
    ],
    [
      { tag: 'RFF', elements: [[message.software.attestation, envelope.attestation]] },
      'attestation',
    ],
    [
      nadSegment(parties.declarant, { id: declaration.siren, ...declarant }, parties.idQualifiers),
      `${IDENTIFICATION_FORM}/${IDENTIF.declarant}`,
    ],
  ];
  if (typeof rof === 'string')
    list.push([
      { tag: 'RFF', elements: [[message.rofQualifier, rof]] },
      `${IDENTIFICATION_FORM}/${IDENTIF.rof}`,
    ]);
  const writer = {
    id: firm.siret,
    name: parties.writerDesignation,
    name2: firm.name,
    ...firm.address,
  };
  list.push(
    [nadSegment(parties.writer, writer, parties.idQualifiers), 'cabinet rédacteur'],
    [
      nadSegment(
        parties.partner,
        { id: partner.number, name: partner.name },
        parties.partnerIdQualifiers,
      ),
      'partenaire EDI',
    ],
    [nadSegment(parties.recipient, { name: parties.recipientDesignation }, []), 'destinataire'],
  );
  return { segments: list.map(([segment]) => segment), origins: list.map(([, origin]) => origin) };
}

const isoDate = (text: string): string | undefined =>
  /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}` : undefined;

/**
 * Reads the header of a message (its segments before the first `firstTag`): BGM first, with the
 * profile's document code; parties and references by qualifier; other segments are ignored.
 * Throws DatumError (index in `message.segments`) on a missing BGM or another document.
 */
export function readHeader(
  message: Message,
  profile: InfentProfile,
  firstTag: string,
): { facts: InfentMessageFacts; dataStart: number } {
  const { segments } = message;
  const bgm = segments[0];
  const documentCode = bgm?.tag === 'BGM' ? getComponent(bgm, 1) : '';
  if (!bgm || documentCode === '')
    throw new DatumError('segment BGM (type de document) attendu en tête du message', 0);
  const expected = profile.message.documentCode[0];
  if (documentCode !== expected)
    throw new DatumError(
      `document « ${documentCode} » : seul le document ${expected} (liasse fiscale) est lu`,
      0,
    );
  const facts: InfentMessageFacts = {
    reference: message.reference,
    documentCode,
    software: {},
    recipients: [],
  };
  const association = getComponent(message.header, 2, 5);
  if (association) facts.associationCode = association;
  if (getComponent(bgm, 2)) facts.documentReference = getComponent(bgm, 2);
  const { message: m, parties } = profile;
  let index = 1;
  for (; index < segments.length && segments[index]?.tag !== firstTag; index += 1) {
    const segment = segments[index] as Segment;
    const qualifier = getComponent(segment, 1);
    const value = getComponent(segment, 1, 2);
    if (segment.tag === 'DTM' && qualifier === m.preparationDateQualifier) {
      const date = isoDate(value);
      if (date) facts.preparedOn = date;
    } else if (segment.tag === 'RFF') {
      if (qualifier === m.software.editor) facts.software.editor = value;
      if (qualifier === m.software.name) {
        facts.software.name = value;
        const version = getComponent(segment, 1, 4);
        if (version) facts.software.version = version;
      }
      if (qualifier === m.software.attestation) facts.attestation = value;
      if (qualifier === m.rofQualifier) facts.rof = value;
    } else if (segment.tag === 'NAD') {
      const nad = readNad(segment);
      if (qualifier === parties.declarant) facts.declarant = nad;
      if (qualifier === parties.writer) facts.writer = nad;
      if (qualifier === parties.partner) facts.partner = nad;
      if (qualifier === parties.recipient && nad.name) facts.recipients.push(nad.name);
    }
  }
  return { facts, dataStart: index };
}
