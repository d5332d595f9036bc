import type { AddressInfo } from 'node:net';
import { startInbox, type Inbox } from '@passerelle/mail';
import { createLogger } from '@passerelle/server-kit';
import { buildInboxApp, type Logger } from './app';
import type { InboxConfig } from './config';

/** The local inbox running: its SMTP receiver and its web page. */
export interface RunningInbox {
  inbox: Inbox;
  /** The page's address: PUBLIC_URL, else `http://localhost:<port>` (the real port when 0 was asked). */
  httpUrl: string;
  httpPort: number;
  smtpPort: number;
  close(): Promise<void>;
}

/** Starts the SMTP receiver, then the web page over it; closes the receiver if the page fails. */
export async function startMailInbox(
  config: InboxConfig,
  logger: Logger = createLogger(config.logLevel),
): Promise<RunningInbox> {
  const inbox = await startInbox({
    port: config.smtpPort,
    host: config.host,
    maxMessages: config.maxMessages,
    onError: (error) => logger.warn({ err: error }, 'SMTP connection error'),
  });
  try {
    const app = await buildInboxApp(inbox, {
      logger,
      publicUrl: config.publicUrl ?? `http://localhost:${config.httpPort}`,
      allowedHosts: config.allowedHosts,
      maxMessages: config.maxMessages,
    });
    await app.listen({ port: config.httpPort, host: config.host });
    const httpPort = (app.server.address() as AddressInfo).port;
    return {
      inbox,
      httpUrl: config.publicUrl ?? `http://localhost:${httpPort}`,
      httpPort,
      smtpPort: inbox.port,
      close: () => app.close().then(() => inbox.close()),
    };
  } catch (error) {
    await inbox.close();
    throw error;
  }
}
