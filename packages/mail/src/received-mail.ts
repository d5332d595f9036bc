import { randomUUID } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';

/** A message as the inbox received and parsed it. */
export interface ReceivedMail {
  id: string;
  /** The sender as `Nom <adresse>`, or the bare address. */
  from: string;
  /** Lower-cased addresses of the To header, or of the SMTP envelope when it has none. */
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** ISO 8601 instant of reception. */
  receivedAt: string;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list
    .flatMap((object) => object.value.map((entry) => (entry.address ?? '').toLowerCase()))
    .filter((address) => address !== '');
}

/** `Nom <adresse>` (or the bare address) of the first From address, without mailparser's quotes. */
function sender(from: AddressObject | undefined): string {
  const first = from?.value[0];
  if (!first) return from?.text ?? '';
  const address = first.address ?? '';
  return first.name ? `${first.name} <${address}>` : address;
}

/** Parses a raw RFC 5322 message (MIME, encoded words, charsets) into a {@link ReceivedMail}. */
export async function parseReceivedMail(
  raw: Buffer,
  envelopeRecipients: string[],
  now: Date = new Date(),
): Promise<ReceivedMail> {
  const parsed = await simpleParser(raw);
  const to = addresses(parsed.to);
  return {
    id: randomUUID(),
    from: sender(parsed.from),
    to: to.length > 0 ? to : envelopeRecipients.map((address) => address.toLowerCase()),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    ...(typeof parsed.html === 'string' ? { html: parsed.html } : {}),
    receivedAt: now.toISOString(),
  };
}
