import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { createMailStore, type MailStore } from './mail-store';
import { parseReceivedMail } from './received-mail';

export type { ReceivedMail } from './received-mail';

/** Largest message the inbox accepts, in bytes (10 MiB); larger ones get SMTP 552. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** How long closing waits for senders that keep a connection open (pooled mailers), in ms. */
const CLOSE_GRACE_MS = 1_000;

/** A real SMTP server that keeps what it receives in memory (see {@link MailStore}). */
export interface Inbox extends Omit<MailStore, 'add'> {
  /** The interface it listens on. */
  host: string;
  /** The TCP port it listens on (the chosen one when asked for port 0). */
  port: number;
  close(): Promise<void>;
}

/** Where the inbox listens and how much it keeps. */
export interface InboxOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface; 127.0.0.1 by default, as the inbox accepts mail from anyone who can reach it. */
  host?: string;
  /** Messages kept, the oldest dropped first; 500 by default. */
  maxMessages?: number;
  /** Told of connection errors after start-up (a sender hanging up mid-message…); ignored by default. */
  onError?: (error: Error) => void;
}

/** Reads a DATA stream to its end, keeping at most `limit` bytes; undefined when it went over. */
function readLimited(stream: SMTPServerDataStream, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // The rest of an oversized message is still read (SMTP needs the whole DATA) but not kept.
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    stream.once('end', () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    stream.once('error', reject);
  });
}

function tooLarge(): Error & { responseCode: number } {
  return Object.assign(new Error(`Message trop volumineux (${MAX_MESSAGE_BYTES} octets au plus)`), {
    responseCode: 552,
  });
}

/**
 * Starts an SMTP server that accepts any mail without authentication or TLS (for the embedded
 * demo and tests: it is not a relay and sends nothing on), parses each message with mailparser
 * and keeps it in memory. Shared by the local inbox app and `@passerelle/mail/testing`.
 */
export async function startInbox(options: InboxOptions = {}): Promise<Inbox> {
  const host = options.host ?? '127.0.0.1';
  const store = createMailStore(options.maxMessages ?? 500);
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: MAX_MESSAGE_BYTES,
    closeTimeout: CLOSE_GRACE_MS,
    logger: false,
    onData(stream, session, callback) {
      const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      readLimited(stream, MAX_MESSAGE_BYTES)
        .then(async (raw) => {
          if (raw === undefined) return callback(tooLarge());
          store.add(await parseReceivedMail(raw, recipients));
          callback();
        })
        .catch((error: unknown) =>
          callback(error instanceof Error ? error : new Error(String(error))),
        );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A connection that breaks after start-up must not crash the process.
  server.on('error', (error: Error) => options.onError?.(error));
  return {
    host,
    port: (server.server.address() as AddressInfo).port,
    messages: store.messages,
    find: store.find,
    clear: store.clear,
    waitForMail: store.waitForMail,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
