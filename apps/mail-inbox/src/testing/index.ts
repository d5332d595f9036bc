// Test support of the local inbox: reading its JSON API (`GET /api/messages`), as its own
// tests and the browser tests (e2e/support/mail.ts) do. Never imported by production code.
import type { ReceivedMail } from '@passerelle/mail/testing';

/** A mail as the inbox's `GET /api/messages` lists it, newest first. */
export type InboxMail = ReceivedMail;

/** Every mail the inbox at `inboxUrl` (`http://host:port`) holds, newest first. */
export async function inboxMessages(inboxUrl: string): Promise<InboxMail[]> {
  const response = await fetch(`${inboxUrl}/api/messages`);
  if (!response.ok) throw new Error(`inbox ${inboxUrl}: HTTP ${response.status}`);
  const { messages } = (await response.json()) as { messages: InboxMail[] };
  return messages;
}

/** Which mail to wait for: a subject (a string: how it starts) and, when given, a recipient. */
export interface MailQuery {
  subject: string | RegExp;
  to?: string;
}

const matches = (mail: InboxMail, query: MailQuery) =>
  (query.to === undefined || mail.to.includes(query.to)) &&
  (typeof query.subject === 'string'
    ? mail.subject.startsWith(query.subject)
    : query.subject.test(mail.subject));

/** Waits until the inbox at `inboxUrl` holds a mail that `query` matches; fails after `timeoutMs`. */
export async function waitForMail(
  inboxUrl: string,
  query: MailQuery,
  timeoutMs = 30_000,
): Promise<InboxMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = await inboxMessages(inboxUrl);
    const found = messages.find((mail) => matches(mail, query));
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join('\n');
      throw new Error(
        `no mail ${String(query.subject)} to ${query.to ?? 'anyone'}; inbox:\n${seen}`,
      );
    }
    // Polls the inbox (a mail has no element to wait for); a short pause between reads.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
