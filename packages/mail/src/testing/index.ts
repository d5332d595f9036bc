import { startInbox, type Inbox, type ReceivedMail } from '../inbox';

export type { ReceivedMail };

/** A real SMTP inbox on a random 127.0.0.1 port for tests, with the URL to send to. */
export async function startTestInbox(): Promise<Inbox & { smtpUrl: string }> {
  const inbox = await startInbox({ port: 0 });
  return Object.assign(inbox, { smtpUrl: `smtp://127.0.0.1:${inbox.port}` });
}
