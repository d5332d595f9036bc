// The subject of every certificate this CA signs: CN, O, C=FR (issue #13, item 1).
// Names are typed text, never DN syntax. `new x509.Name([{ CN: [text] }])` reads each text as an
// RFC 4514 value: quotes cut `Jean "Admin" Dupont` down to `Admin`, a leading `#` made
// `#3003020101` raw DER and `#zz` a crash, backslashes vanished, `\0a` became a line feed. The
// JSON form's typed values (`{ utf8String }`) are copied as they are, so any text is literal.
// After signing, the subject is read back with another parser (asn1js) and compared byte for byte,
// so a certificate naming anyone else than intended is never handed out.
import './engine'; // first: loads reflect-metadata before x509
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import {
  CERTIFICATE_NAME_MAX_LENGTH,
  characterCount,
  findForbiddenCharacter,
} from '@passerelle/contracts';
import { PkiError } from './pki-error';

/** The texts of a subject; the country is always FR. */
export interface SubjectNames {
  /** commonName: the person ("Prénom Nom"), or the CA's or receipt signer's name. */
  commonName: string;
  /** organizationName: the firm (raison sociale), or the partner. */
  organization: string;
}

const COMMON_NAME = '2.5.4.3';
const ORGANIZATION = '2.5.4.10';
const COUNTRY = '2.5.4.6';
const COUNTRY_FR = 'FR';
/** Universal tag numbers of the ASN.1 types a subject may hold. */
const TAG = { utf8String: 12, printableString: 19, sequence: 16, set: 17 } as const;

/**
 * Builds the subject CN, O, C=FR from typed values: CN and O as UTF8String (RFC 5280 §4.1.2.6
 * asks for it), C as PrintableString (X.520). Each text must hold 1 to 64 characters (X.520's
 * bound) and no control character; else SUBJECT_INVALID. Spaces at either end are kept.
 */
export function buildSubjectName(names: SubjectNames): x509.Name {
  for (const text of [names.commonName, names.organization]) {
    if (
      text.length === 0 ||
      characterCount(text) > CERTIFICATE_NAME_MAX_LENGTH ||
      findForbiddenCharacter(text) !== undefined
    ) {
      throw new PkiError('SUBJECT_INVALID');
    }
  }
  return new x509.Name([
    { [COMMON_NAME]: [{ utf8String: names.commonName }] },
    { [ORGANIZATION]: [{ utf8String: names.organization }] },
    { [COUNTRY]: [{ printableString: COUNTRY_FR }] },
  ]);
}

/** One attribute of a single-valued RDN: its OID, its ASN.1 tag and its value's bytes. */
interface Attribute {
  oid: string;
  tag: number;
  bytes: Uint8Array;
}

/** The elements of a universal constructed block with this tag, or undefined. */
function children(block: asn1js.AsnType | undefined, tag: number): asn1js.AsnType[] | undefined {
  if (!(block instanceof asn1js.Constructed)) return undefined;
  const { tagClass, tagNumber } = block.idBlock;
  return tagClass === 1 && tagNumber === tag ? block.valueBlock.value : undefined;
}

/**
 * The subject's attributes of a DER certificate, read with asn1js (not the library that wrote
 * them); undefined unless every RDN holds exactly one attribute with a primitive value.
 */
function readSubjectAttributes(certificateDer: ArrayBuffer): Attribute[] | undefined {
  const parsed = asn1js.fromBER(certificateDer);
  if (parsed.offset === -1) return undefined;
  const fields = children(children(parsed.result, TAG.sequence)?.[0], TAG.sequence);
  if (!fields) return undefined;
  // tbsCertificate: [0] version (context-specific, present in v3), serial, signature, issuer,
  // validity, subject.
  const version = fields[0]?.idBlock.tagClass === 3 ? 1 : 0;
  const rdns = children(fields[version + 4], TAG.sequence);
  if (!rdns) return undefined;
  const attributes: Attribute[] = [];
  for (const rdn of rdns) {
    const set = children(rdn, TAG.set);
    const pair = set?.length === 1 ? children(set[0], TAG.sequence) : undefined;
    const [type, value] = pair?.length === 2 ? pair : [];
    if (!(type instanceof asn1js.ObjectIdentifier) || !value) return undefined;
    if (value.idBlock.tagClass !== 1 || value.idBlock.isConstructed) return undefined;
    if (!('valueHexView' in value.valueBlock)) return undefined;
    const bytes = value.valueBlock.valueHexView as Uint8Array;
    attributes.push({ oid: type.getValue(), tag: value.idBlock.tagNumber, bytes });
  }
  return attributes;
}

/**
 * Throws SUBJECT_MISMATCH unless the DER certificate's subject is exactly CN = `commonName`,
 * O = `organization` (both UTF8String, same bytes), C = FR, each in its own RDN, nothing else.
 */
export function checkCertificateSubject(certificateDer: ArrayBuffer, names: SubjectNames): void {
  const expected: Attribute[] = [
    { oid: COMMON_NAME, tag: TAG.utf8String, bytes: utf8(names.commonName) },
    { oid: ORGANIZATION, tag: TAG.utf8String, bytes: utf8(names.organization) },
    { oid: COUNTRY, tag: TAG.printableString, bytes: utf8(COUNTRY_FR) },
  ];
  const actual = readSubjectAttributes(certificateDer);
  const same =
    actual?.length === expected.length &&
    expected.every((want, index) => {
      const got = actual[index];
      return (
        got?.oid === want.oid &&
        got.tag === want.tag &&
        Buffer.from(got.bytes).equals(Buffer.from(want.bytes))
      );
    });
  if (!same) throw new PkiError('SUBJECT_MISMATCH');
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
