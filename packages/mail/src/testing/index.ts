import { startInbox, type Inbox } from '../inbox';

export type { ReceivedMail } from '../received-mail';

/** An {@link Inbox} for tests, with the URL to give a mailer. */
export interface TestInbox extends Inbox {
  /** `smtp://127.0.0.1:<port>`. */
  smtpUrl: string;
}

/** Starts a real SMTP inbox on a random 127.0.0.1 port (mail is kept in memory). */
export async function startTestInbox(options: { maxMessages?: number } = {}): Promise<TestInbox> {
  const inbox = await startInbox({ port: 0, host: '127.0.0.1', ...options });
  return { ...inbox, smtpUrl: `smtp://127.0.0.1:${inbox.port}` };
}
