import { runProcess } from '@passerelle/server-kit';
import { readInboxConfig } from './config';
import { startMailInbox } from './start';

// Entry point of the local inbox: SMTP receiver plus its web page, and the banner line.
runProcess('La boîte de réception locale', async () => {
  const config = readInboxConfig();
  const running = await startMailInbox(config);
  // Written to stdout apart from the JSON logs, for the person who started the demo.
  process.stdout.write(
    `Boîte de réception locale : ${running.httpUrl} (SMTP sur ${config.host}:${running.smtpPort})\n`,
  );
  return running.close;
});
