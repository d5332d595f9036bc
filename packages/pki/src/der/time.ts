// UTCTime / GeneralizedTime as RFC 5280 §4.1.2.5 and RFC 5652 §11.3 want them: UTC ("Z"),
// seconds always present, no fraction; UTCTime for 1950–2049, GeneralizedTime otherwise.
import { der, DerError, TAG, type DerNode } from './der';

const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;

/** The Date of a DER UTCTime or GeneralizedTime node (DerError for any other form). */
export function timeValue(node: DerNode | undefined): Date {
  if (!node) throw new DerError('missing time');
  const text = Buffer.from(node.value).toString('latin1');
  let match: RegExpExecArray | null;
  let year: number;
  if (node.tag === TAG.utcTime && (match = UTC_TIME.exec(text))) {
    const short = Number(match[1]);
    year = short >= 50 ? 1900 + short : 2000 + short;
  } else if (node.tag === TAG.generalizedTime && (match = GENERALIZED_TIME.exec(text))) {
    year = Number(match[1]);
  } else {
    throw new DerError('bad time');
  }
  const [month, day, hours, minutes, seconds] = match.slice(2).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));
  // Date.UTC rolls 31 February over to March: refuse what does not round-trip.
  if (
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date.getUTCHours() !== hours ||
    date.getUTCMinutes() !== minutes ||
    date.getUTCSeconds() !== seconds
  ) {
    throw new DerError('impossible time');
  }
  return date;
}

/** The DER time of `date`, truncated to whole seconds. */
export function derTime(date: Date): Buffer {
  const iso = date.toISOString(); // 2026-03-15T10:19:30.123Z
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError('date out of range');
  return year >= 1950 && year < 2050
    ? der(TAG.utcTime, Buffer.from(digits.slice(2), 'latin1'))
    : der(TAG.generalizedTime, Buffer.from(digits, 'latin1'));
}
