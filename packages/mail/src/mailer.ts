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
  /** Closes the pooled connections; pending sends fail. */
  close(): void;
}

/** Where and as whom a {@link Mailer} sends. */
export interface MailerOptions {
  /** `smtp://host:port`, `smtps://user:password@host:465` (percent-encode special characters). */
  smtpUrl: string;
  /** The From header, e.g. `Partenaire EDI <no-reply@partenaire.fr>`. */
  from: string;
}

/**
 * Thrown when sending fails (server unreachable, refused, authentication…). Its `cause` is the
 * underlying error's text with the SMTP password removed; `code` is nodemailer's (ECONNECTION…).
 */
export class MailError extends Error {
  readonly code: string | undefined;
  constructor(cause: unknown, secrets: string[] = []) {
    super('L’envoi de l’email a échoué.', { cause: redact(cause, secrets) });
    this.name = 'MailError';
    const code = (cause as { code?: unknown } | null)?.code;
    this.code = typeof code === 'string' ? code : undefined;
  }
}

function redact(cause: unknown, secrets: string[]): string {
  let text = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  for (const secret of secrets) text = text.replaceAll(secret, '[secret]');
  return text.replace(/\/\/[^@/\s]*@/g, '//[secret]@');
}

/** Parses the SMTP URL without ever echoing it: it may hold a password. */
function parseSmtpUrl(smtpUrl: string): URL {
  const url = URL.parse(smtpUrl);
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '')
    throw new TypeError(
      'L’URL SMTP est invalide : attendu smtp://hôte:port ou smtps://utilisateur:mot-de-passe@hôte:465.',
    );
  return url;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A mailer for `smtpUrl`, pooled so a burst of notices reuses connections. Throws a TypeError
 * (without the URL) when the URL is not smtp(s); each failed send rejects with {@link MailError}.
 */
export function createMailer(options: MailerOptions): Mailer {
  const url = parseSmtpUrl(options.smtpUrl);
  const secrets = [url.password, safeDecode(url.password)].filter((secret) => secret !== '');
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  const transport = nodemailer.createTransport(url.toString(), { from: options.from });
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({ ...message, from: options.from });
        return { messageId: String(info.messageId) };
      } catch (error) {
        throw new MailError(error, secrets);
      }
    },
    close() {
      transport.close();
    },
  };
}

/** The one logger method {@link sendOrLog} needs (pino's shape). */
export interface MailFailureLogger {
  error(details: object, message: string): void;
}

/**
 * Sends an email; a failure is logged (with the subject, never the body, which may hold a code
 * or a link) and reported as `false`: the caller decides whether its action still stands.
 */
export async function sendOrLog(
  mailer: Mailer,
  logger: MailFailureLogger,
  message: MailMessage,
): Promise<boolean> {
  try {
    await mailer.send(message);
    return true;
  } catch (error) {
    logger.error({ err: error, subject: message.subject }, 'email not sent');
    return false;
  }
}
