// Check 3 of the DGFiP (edi-tdfc.md §1.4, §5.1): the EDIFACT syntax of the deposited INFENT-DF
// interchange. @passerelle/edifact's reader checks UNA, UNB, UNG/UNE, UNH/UNT, UNZ, references,
// counts and the declared charset, and stops at the first fault; then come the checks it cannot
// know: UNOL:3, the recipient, the test indicator, the message types, duplicate message
// references, at least one INFENT message. Every fault carries its 0085 code and its place.
import {
  EdifactError,
  getComponent,
  readInterchange,
  type EdifactPosition,
  type Interchange,
  type PositionedSegment,
} from '@passerelle/edifact';
import { DEFAULT_INFENT_PROFILE } from '../infent/envelope-config';
import { contrlCodeOf } from './contrl-codes';
import { componentList } from './returns-envelope';
import { placeInEnvelope, scanSegments } from './syntax-scan';

/** What the deposit must say about itself to be read by this DGFiP. */
export interface SyntaxExpectation {
  /** UNB S003 0010: the partner's EDI number. */
  recipient: string;
  /** UNB 0035: true for the test environment. */
  testIndicator: boolean;
  /** UNB S002 0004, when the sender is known in advance (0085 code 23 otherwise). */
  sender?: string;
}

/** The subject interchange's UNB, as read (even from a file refused later on). */
export interface SubjectFacts {
  controlReference: string;
  sender: string[];
  recipient: string[];
  test: boolean;
}

/** One syntax fault: its 0085 code, its place (UNB = segment 1) and a French sentence. */
export interface SyntaxFault {
  code: string;
  segment?: number;
  tag?: string;
  element?: number;
  component?: number;
  message: string;
  /** The UNG open at the fault (its reference, S006, S007), for the CONTRL's UCF. */
  group?: { reference: string; sender: string[]; recipient: string[] };
  /** The UNH open at the fault (reference, S009, segment number), for the UCM and UCS. */
  unh?: { reference: string; type: string[]; index: number };
}

export interface SyntaxCheck {
  /** The UNB facts, null when the file has no readable UNB. */
  subject: SubjectFacts | null;
  /** The interchange, when @passerelle/edifact read it (faults may still exist). */
  interchange: Interchange | null;
  faults: SyntaxFault[];
}

const PROFILE = DEFAULT_INFENT_PROFILE;
/** Messages an INFENT-DF interchange may carry: the declarations and their AUTACK seal. */
const ALLOWED_MESSAGES = new Set([PROFILE.message.type[0], 'AUTACK']);

function subjectOf(unb: PositionedSegment): SubjectFacts {
  return {
    controlReference: getComponent(unb, 5),
    sender: componentList(unb.elements[1]),
    recipient: componentList(unb.elements[2]),
    test: getComponent(unb, 11) === '1',
  };
}

/** A fault at a place, its message in @passerelle/edifact's words (« Segment 1 (UNB), … »). */
function fault(code: string, position: EdifactPosition, detail: string): SyntaxFault {
  const found: SyntaxFault = {
    code,
    message: new EdifactError('ELEMENT_INVALID', detail, position).message,
  };
  if (position.segment !== undefined) found.segment = position.segment;
  if (position.tag !== undefined) found.tag = position.tag;
  if (position.element !== undefined) found.element = position.element;
  if (position.component !== undefined) found.component = position.component;
  return found;
}

/** UNB checks the reader does not make: UNOL:3, recipient, test indicator, sender. */
function unbFaults(unb: PositionedSegment, expect: SyntaxExpectation): SyntaxFault[] {
  const faults: SyntaxFault[] = [];
  const at = (element: number, component?: number): EdifactPosition => ({
    segment: 1,
    tag: 'UNB',
    element,
    ...(component ? { component } : {}),
  });
  const { identifier, version } = PROFILE.syntax;
  const charset = getComponent(unb, 1);
  const syntaxVersion = getComponent(unb, 1, 2);
  if (charset !== identifier) {
    const detail = `jeu de caractères « ${charset} » : ${identifier} (ISO 8859-15) attendu`;
    faults.push(fault('2', at(1, 1), detail));
  } else if (syntaxVersion !== version) {
    faults.push(
      fault('2', at(1, 2), `version de syntaxe « ${syntaxVersion} » : ${version} attendue`),
    );
  }
  const sender = getComponent(unb, 2);
  if (expect.sender !== undefined && sender !== expect.sender) {
    faults.push(fault('23', at(2, 1), `émetteur « ${sender} » inconnu (${expect.sender} attendu)`));
  }
  const recipient = getComponent(unb, 3);
  if (recipient !== expect.recipient) {
    const detail = `destinataire « ${recipient} » : cet interchange doit être adressé au partenaire ${expect.recipient}`;
    faults.push(fault('7', at(3, 1), detail));
  }
  const test = getComponent(unb, 11);
  if (expect.testIndicator && test !== '1') {
    const detail =
      'indicateur de test absent : seuls les interchanges de test (1) sont acceptés ici';
    faults.push(fault('25', at(11), detail));
  } else if (!expect.testIndicator && test !== '') {
    const detail = `indicateur de test « ${test} » : les interchanges de test ne sont pas acceptés en production`;
    faults.push(fault('25', at(11), detail));
  }
  return faults;
}

/** Message and group checks on an interchange the reader accepted. */
function contentFaults(interchange: Interchange): SyntaxFault[] {
  const faults: SyntaxFault[] = [];
  for (const group of interchange.groups ?? []) {
    const identification = getComponent(group.header, 1);
    if (!ALLOWED_MESSAGES.has(identification)) {
      const where = { segment: group.header.index, tag: 'UNG', element: 1 };
      faults.push(fault('14', where, `groupe « ${identification} » : INFENT ou AUTACK attendu`));
    }
  }
  const seen = new Set<string>();
  let declarations = 0;
  const [type, version, release, agency] = PROFILE.message.type;
  for (const message of interchange.messages) {
    const { header } = message;
    if (seen.has(message.reference)) {
      const where = { segment: header.index, tag: 'UNH', element: 1 };
      faults.push(fault('26', where, `référence de message ${message.reference} en double`));
    }
    seen.add(message.reference);
    if (message.type === 'AUTACK') continue;
    const s009 = [1, 2, 3, 4].map((c) => getComponent(header, 2, c));
    if (message.type !== type) {
      const where = { segment: header.index, tag: 'UNH', element: 2, component: 1 };
      faults.push(fault('14', where, `message de type ${message.type} : ${type} attendu`));
      continue;
    }
    const expected = [type, version, release, agency];
    const wrong = s009.findIndex((value, i) => value !== expected[i]);
    if (wrong > 0) {
      const where = { segment: header.index, tag: 'UNH', element: 2, component: wrong + 1 };
      const detail = `message ${s009.join(':')} : ${expected.join(':')} attendu`;
      faults.push(fault('14', where, detail));
      continue;
    }
    declarations += 1;
  }
  if (declarations === 0 && faults.length === 0) {
    faults.push(
      fault('32', {}, 'l’interchange ne contient aucun message INFENT (aucune déclaration)'),
    );
  }
  return faults;
}

/** Adds the envelope place (UCF, UCM) of each fault, from the scanned segments. */
function placeFaults(faults: SyntaxFault[], segments: readonly PositionedSegment[]): void {
  for (const found of faults) {
    if (found.segment === undefined) continue;
    const { group, message } = placeInEnvelope(segments, found.segment);
    if (group) {
      found.group = {
        reference: getComponent(group, 5),
        sender: componentList(group.elements[1]),
        recipient: componentList(group.elements[2]),
      };
    }
    if (message) {
      found.unh = {
        reference: getComponent(message, 1),
        type: componentList(message.elements[1]),
        index: message.index,
      };
    }
  }
}

const samePlace = (a: SyntaxFault, b: SyntaxFault): boolean =>
  a.code === b.code &&
  a.segment === b.segment &&
  a.element === b.element &&
  a.component === b.component;

/** Runs check 3 on the deposited bytes. Never throws. */
export function checkSyntax(bytes: Uint8Array, expect: SyntaxExpectation): SyntaxCheck {
  const faults: SyntaxFault[] = [];
  let interchange: Interchange | null = null;
  try {
    interchange = readInterchange(bytes);
  } catch (error) {
    if (error instanceof EdifactError) {
      const position: EdifactPosition = {
        ...(error.segment !== undefined ? { segment: error.segment } : {}),
        ...(error.tag !== undefined ? { tag: error.tag } : {}),
        ...(error.element !== undefined ? { element: error.element } : {}),
        ...(error.component !== undefined ? { component: error.component } : {}),
      };
      faults.push({
        ...position,
        code: contrlCodeOf(error.code, error.tag),
        message: error.message,
      });
    } else {
      faults.push(fault('18', {}, 'fichier illisible'));
    }
  }
  const segments = interchange ? [] : scanSegments(bytes);
  const unb = interchange?.header ?? (segments[0]?.tag === 'UNB' ? segments[0] : undefined);
  if (unb) {
    for (const found of unbFaults(unb, expect))
      if (!faults.some((f) => samePlace(f, found))) faults.push(found);
  }
  if (interchange) {
    faults.push(...contentFaults(interchange));
    placeFaults(faults, allSegments(interchange));
  } else {
    placeFaults(faults, segments);
  }
  return { subject: unb ? subjectOf(unb) : null, interchange, faults };
}

/** The envelope segments of a read interchange, in order (enough to place a fault). */
function allSegments(interchange: Interchange): PositionedSegment[] {
  const list: PositionedSegment[] = [interchange.header];
  const ofMessage = (m: Interchange['messages'][number]) => list.push(m.header, m.trailer);
  if (interchange.groups) {
    for (const group of interchange.groups) {
      list.push(group.header);
      group.messages.forEach(ofMessage);
      list.push(group.trailer);
    }
  } else {
    interchange.messages.forEach(ofMessage);
  }
  list.push(interchange.trailer);
  return list;
}
