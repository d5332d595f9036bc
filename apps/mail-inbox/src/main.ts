import { z } from 'zod';
import { startInbox } from '@passerelle/mail';
import { intVar, loadConfig, runProcess } from '@passerelle/server-kit';
import { buildInboxApp } from './app';

// Entry point of the local inbox: SMTP receiver plus its web page.
runProcess('La boîte de réception locale', async () => {
  const config = loadConfig({
    SMTP_PORT: intVar(1025, 1, 65535),
    HTTP_PORT: intVar(3100, 0, 65535),
    HOST: z.string().default('127.0.0.1'),
    INBOX_MAX_MESSAGES: intVar(500, 1, 100_000),
  });
  const inbox = await startInbox({
    port: config.SMTP_PORT,
    host: config.HOST,
    maxMessages: config.INBOX_MAX_MESSAGES,
  });
  const app = buildInboxApp(inbox);
  await app.listen({ port: config.HTTP_PORT, host: config.HOST });
  process.stdout.write(
    `Boîte de réception locale : http://localhost:${config.HTTP_PORT} (SMTP sur ${config.HOST}:${config.SMTP_PORT})\n`,
  );
  return () => app.close().then(() => inbox.close());
});
