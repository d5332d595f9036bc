// The world of bench/send-batch: the reference partner (with the local SMTP inbox) and the
// declarant started as real processes, then seeded through their HTTP APIs only — first start,
// the firm's SIRET, the client account and its emailed code, the client-space connection, a
// signature, one dossier per declaration and the "prête" declarations imported as JSON.
import {
  FIRM_SIRET,
  buildDeclaration,
  buildDossier,
  testSiren,
} from '@passerelle/declarant-server/testing';
import { startDeclarant, type DeclarantProcess } from '../../e2e/support/declarant-process';
import { startPartnerWithInbox, type PartnerProcesses } from '../../e2e/support/partner-processes';
import { seedAdministrator } from '../../e2e/support/seed-declarant';
import { ApiSession, mapLimited } from './api-session';
import { ADMIN, PORTAL, SIGNATURE_PASSWORD } from '../../e2e/support/people';
import { seedClientAccount } from '../../e2e/support/steps/client-account';
import { childServerPid } from './process-stats';

export { FIRM_SIRET };

export { ADMIN, PORTAL, SIGNATURE_PASSWORD };

/** Declarations per `POST /api/declarations/import-json` (~1 KiB each; the route takes 10 MiB). */
const IMPORT_CHUNK = 250;

export interface SendWorld {
  partner: PartnerProcesses;
  declarant: DeclarantProcess;
  /** PIDs of the server processes (node itself), for their peak RSS. */
  pids: { partner: number; declarant: number };
  /** The administrator's session (the one who holds the signature and sends). */
  api: ApiSession;
  signatureId: string;
  /** The "prête" declarations, one per dossier. */
  declarationIds: string[];
  stop(): Promise<void>;
}

/** Starts both servers with `env` added to each, and seeds `count` "prête" declarations. */
export async function startSendWorld(options: {
  count: number;
  declarantEnv?: Record<string, string>;
  partnerEnv?: Record<string, string>;
}): Promise<SendWorld> {
  const partner = await startPartnerWithInbox(options.partnerEnv);
  let declarant: DeclarantProcess | undefined;
  try {
    declarant = await startDeclarant({
      PARTNER_URL: partner.partnerUrl,
      SMTP_URL: partner.smtpUrl,
      ...options.declarantEnv,
    });
    const pids = {
      partner: childServerPid('apps/partner-server/src/main.ts'),
      declarant: childServerPid('apps/declarant-server/src/main.ts'),
    };
    const api = new ApiSession(
      declarant.url,
      await seedAdministrator(declarant.url, declarant.setupLink, ADMIN),
    );
    await api.json('PUT', '/api/firm/settings', { siret: FIRM_SIRET });

    const code = await seedClientAccount(partner, {
      firmName: 'Cabinet Exemple',
      siret: FIRM_SIRET,
      ...PORTAL,
    });
    const space = await api.json<{ connected: boolean }>('POST', '/api/me/client-space', PORTAL);
    if (!space.connected) throw new Error('client space not connected');
    const { signature } = await api.json<{ signature: { id: string } }>(
      'POST',
      '/api/me/signatures',
      {
        confidentialCode: code,
        validityMonths: 12,
        password: SIGNATURE_PASSWORD,
        passwordConfirmation: SIGNATURE_PASSWORD,
      },
      201,
    );

    const declarationIds = await seedReadyDeclarations(api, options.count);
    const started = declarant;
    return {
      partner,
      declarant,
      pids,
      api,
      signatureId: signature.id,
      declarationIds,
      stop: async () => {
        await started.stop();
        await partner.stop();
      },
    };
  } catch (error) {
    await declarant?.stop();
    await partner.stop();
    throw error;
  }
}

/** One dossier per SIREN (Luhn-valid test series), then the example imported into each. */
async function seedReadyDeclarations(api: ApiSession, count: number): Promise<string[]> {
  const indexes = Array.from({ length: count }, (_, i) => i);
  await mapLimited(indexes, 8, (i) =>
    api.json(
      'POST',
      '/api/dossiers',
      buildDossier({
        siren: testSiren(i),
        name: `SOCIETE ${i}`,
        street: '1 rue de la Paix',
        complement: '',
      }),
      201,
    ),
  );
  const ids: string[] = [];
  for (let from = 0; from < count; from += IMPORT_CHUNK) {
    const bodies = indexes
      .slice(from, from + IMPORT_CHUNK)
      .map((i) => buildDeclaration({ siren: testSiren(i), name: `SOCIETE ${i}` }));
    const { declarations } = await api.json<{ declarations: { id: string; status: string }[] }>(
      'POST',
      '/api/declarations/import-json',
      bodies,
      201,
    );
    const notReady = declarations.filter((d) => d.status !== 'ready');
    if (notReady.length > 0) throw new Error(`${notReady.length} imported declarations not ready`);
    ids.push(...declarations.map((d) => d.id));
  }
  return ids;
}
