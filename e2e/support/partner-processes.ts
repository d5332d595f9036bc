import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { startServerProcess, type ServerProcess } from './server-process';

/** The reference partner and the local inbox it mails to, both real processes. */
export interface PartnerProcesses {
  partnerUrl: string;
  inboxUrl: string;
  /** The inbox's SMTP address, for the declarant's own emails. */
  smtpUrl: string;
  /** Stops the partner (SIGTERM) and starts it again on the same port, data and database. */
  stopPartner(): Promise<void>;
  startPartner(): Promise<void>;
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
  // Kept across restarts: the partner's SQLite file, its master key, hence its CA.
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-partner-'));
  let partner: ServerProcess | undefined;
  const startPartner = async () => {
    partner = await startServerProcess(
      'apps/partner-server/src/main.ts',
      {
        PORT: String(partnerPort),
        PUBLIC_URL: partnerUrl,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        ...env,
      },
      /portail \(espace client\)/,
      { dataDir },
    );
  };
  await startPartner().catch(async (error: unknown) => {
    await inbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    partnerUrl,
    inboxUrl: `http://127.0.0.1:${inboxPort}`,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    stopPartner: async () => {
      await partner?.stop();
      partner = undefined;
    },
    startPartner,
    stop: async () => {
      await partner?.stop();
      await inbox.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
