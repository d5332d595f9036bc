// The subject of every certificate this CA signs: CN, O, C=FR (issue #13, item 1).
// Names are typed text, never DN syntax. `new x509.Name([{ CN: [text] }])` reads each text as an
// RFC 4514 value: quotes cut `Jean "Admin" Dupont` down to `Admin`, a leading `#` made
// `#3003020101` raw DER and `#zz` a crash, backslashes vanished, `\0a` became a line feed. The
// JSON form's typed values (`{ utf8String }`) are copied as they are, so any text is literal.
// After signing, the subject is read back by the package's own strict DER reader (not the
// asn1js stack under @peculiar/x509 that wrote it) and compared byte for byte, so a certificate
// naming anyone else than intended is never handed out.
import '../engine'; // first: loads reflect-metadata before x509
import * as x509 from '@peculiar/x509';
import {
  CERTIFICATE_NAME_MAX_LENGTH,
  characterCount,
  findForbiddenCharacter,
} from '@passerelle/contracts';
import { readCertificate } from '../der/certificate';
import { DerError, expectTag, oidValue, parseDer, TAG } from '../der/der';
import { PkiError } from '../pki-error';

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

/**
 * The subject's attributes of a DER certificate; undefined unless it is a certificate whose
 * every RDN holds exactly one attribute with a primitive universal value.
 */
function readSubjectAttributes(certificateDer: ArrayBuffer): Attribute[] | undefined {
  try {
    const subject = parseDer(readCertificate(new Uint8Array(certificateDer)).subject);
    return expectTag(subject, TAG.sequence).children.map((rdn) => {
      const set = expectTag(rdn, TAG.set).children;
      if (set.length !== 1) throw new DerError('multi-valued RDN');
      const [type, value, ...rest] = expectTag(set[0], TAG.sequence).children;
      // A universal primitive: class bits 00, constructed bit 0, so the tag is its number.
      if (!value || rest.length > 0 || value.tag >= 0x1f) throw new DerError('bad attribute');
      return { oid: oidValue(type), tag: value.tag, bytes: value.value };
    });
  } catch (cause) {
    if (cause instanceof DerError || cause instanceof PkiError) return undefined;
    throw cause;
  }
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
