// The whole sending system for the reliability tests: the partner (fast simulated DGFiP) with
// its inbox, a restartable declarant delivering one deposit at a time with fast retries, on
// one dialect's databases, and a firm seeded with `count` "Prête" declarations.
import { startRestartableDeclarant, type RestartableDeclarant } from './declarant-process';
import { startPartnerWithInbox, type PartnerProcesses } from './partner-processes';
import { serverDatabases } from './postgres-database';
import { FAST_DELIVERY, seedSendingFirm, type SendingFirm } from './sending-firm';

export interface SendingSystem {
  partner: PartnerProcesses;
  declarant: RestartableDeclarant;
  firm: SendingFirm;
  /** Stops both servers and drops their databases. */
  stop(): Promise<void>;
}

export async function startSendingSystem(
  dialect: 'sqlite' | 'postgres',
  count: number,
): Promise<SendingSystem> {
  const databases = await serverDatabases(dialect);
  let partner: PartnerProcesses | undefined;
  let declarant: RestartableDeclarant | undefined;
  const stop = async () => {
    await declarant?.stop();
    await partner?.stop();
    await databases.drop();
  };
  try {
    partner = await startPartnerWithInbox({
      DGFIP_DELAY_MS: '300',
      DGFIP_POLL_MS: '100',
      ...databases.partnerEnv,
    });
    declarant = await startRestartableDeclarant({
      PARTNER_URL: partner.partnerUrl,
      SMTP_URL: partner.smtpUrl,
      ...FAST_DELIVERY,
      // One delivery at a time: a batch stays in flight across kills and outages.
      DELIVERY_CONCURRENCY: '1',
      ...databases.declarantEnv,
    });
    const firm = await seedSendingFirm({
      declarantUrl: declarant.url,
      setupLink: declarant.setupLink,
      partnerUrl: partner.partnerUrl,
      inboxUrl: partner.inboxUrl,
      count,
    });
    return { partner, declarant, firm, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
