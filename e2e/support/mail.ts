// The local inbox (apps/mail-inbox) read through its JSON API.

/** A mail as the inbox's `GET /api/messages` lists it. */
export interface InboxMail {
  id: string;
  to: string[];
  subject: string;
  text: string;
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

/** Waits until the local inbox holds a mail that `query` matches; fails after `timeoutMs`. */
export async function waitForMail(
  inboxUrl: string,
  query: MailQuery,
  timeoutMs = 30_000,
): Promise<InboxMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${inboxUrl}/api/messages`);
    const { messages } = (await response.json()) as { messages: InboxMail[] };
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

/** The confidential EDI-TDFC code ("XXXX-XXXX-XXXX-XXXX-XXXX") in a mail's text, if any. */
export function confidentialCodeIn(text: string): string | undefined {
  return /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}/.exec(text)?.[0];
}
