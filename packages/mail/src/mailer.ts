import nodemailer from 'nodemailer';

/** An email to send: plain text always, HTML optionally. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends emails over SMTP. */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
}

/** Thrown when the SMTP server refuses or cannot be reached; never carries the SMTP password. */
export class MailError extends Error {
  constructor(cause: unknown) {
    super("L'envoi de l'email a échoué.", { cause: redactedCause(cause) });
    this.name = 'MailError';
  }
}

function redactedCause(cause: unknown): string {
  const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return text.replace(/\/\/[^@/\s]*@/g, '//[secret]@');
}

/**
 * A mailer for `smtpUrl` (`smtp://host:port`, `smtps://user:pass@host:465`…), pooled so a burst
 * of notices reuses connections, with bounded timeouts so a dead server fails fast.
 */
export function createMailer(options: { smtpUrl: string; from: string }): Mailer {
  const url = new URL(options.smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  const transport = nodemailer.createTransport(url.toString(), { from: options.from });
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({ from: options.from, ...message });
        return { messageId: String(info.messageId) };
      } catch (error) {
        throw new MailError(error);
      }
    },
    close() {
      transport.close();
    },
  };
}
