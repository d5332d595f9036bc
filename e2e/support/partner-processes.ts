import { freePort } from './free-port';
import { startServerProcess } from './server-process';

/** The reference partner and the local inbox it mails to, both real processes. */
export interface PartnerProcesses {
  partnerUrl: string;
  inboxUrl: string;
  /** The inbox's SMTP address, for the declarant's own emails. */
  smtpUrl: string;
  stop(): Promise<void>;
}

/** Starts the local inbox, then the partner sending its mail there; `env` adds variables. */
export async function startPartnerWithInbox(
  env: Record<string, string> = {},
): Promise<PartnerProcesses> {
  const [smtpPort, inboxPort, partnerPort] = [await freePort(), await freePort(), await freePort()];
  const inbox = await startServerProcess(
    'apps/mail-inbox/src/main.ts',
    { SMTP_PORT: String(smtpPort), HTTP_PORT: String(inboxPort) },
    /Boîte de réception locale/,
  );
  const partnerUrl = `http://127.0.0.1:${partnerPort}`;
  const partner = await startServerProcess(
    'apps/partner-server/src/main.ts',
    {
      PORT: String(partnerPort),
      PUBLIC_URL: partnerUrl,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      ...env,
    },
    /portail \(espace client\)/,
  ).catch(async (error: unknown) => {
    await inbox.stop();
    throw error;
  });
  return {
    partnerUrl,
    inboxUrl: `http://127.0.0.1:${inboxPort}`,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    stop: async () => {
      await partner.stop();
      await inbox.stop();
    },
  };
}
