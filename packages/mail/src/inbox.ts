import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as the inbox received and parsed it. */
export interface ReceivedMail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  receivedAt: string;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives in memory. */
export interface Inbox {
  port: number;
  messages(): ReceivedMail[];
  find(id: string): ReceivedMail | undefined;
  clear(): void;
  /** Resolves with the first message (already received or arriving) that matches. */
  waitForMail(
    predicate: (mail: ReceivedMail) => boolean,
    options?: { timeoutMs?: number },
  ): Promise<ReceivedMail>;
  close(): Promise<void>;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase())).filter(Boolean);
}

/**
 * Starts an SMTP server accepting any mail without authentication (for the embedded demo and
 * tests only: it listens on `host`, 127.0.0.1 by default), parses each message with mailparser
 * and keeps the newest `maxMessages` (10 MiB per message at most).
 */
export async function startInbox(
  options: { port?: number; host?: string; maxMessages?: number } = {},
): Promise<Inbox> {
  const maxMessages = options.maxMessages ?? 500;
  const received: ReceivedMail[] = [];
  const waiters = new Set<(mail: ReceivedMail) => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: 10 * 1024 * 1024,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: ReceivedMail = {
            id: randomUUID(),
            from: parsed.from?.text ?? '',
            to: addresses(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            ...(typeof parsed.html === 'string' ? { html: parsed.html } : {}),
            receivedAt: new Date().toISOString(),
          };
          received.push(mail);
          if (received.length > maxMessages) received.splice(0, received.length - maxMessages);
          for (const waiter of waiters) waiter(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages: () => [...received].reverse(),
    find: (id) => received.find((m) => m.id === id),
    clear: () => void received.splice(0),
    waitForMail(predicate, { timeoutMs = 10_000 } = {}) {
      const already = received.find(predicate);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const waiter = (mail: ReceivedMail) => {
          if (!predicate(mail)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(`no matching mail within ${timeoutMs} ms (${received.length} received)`),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
