import { buildDeclaration, buildDossier, testSiren } from './factories';
import { deliverDue } from '../sending/delivery-worker';
import { syncStatuses } from '../sending/status-sync';
import {
  PORTAL,
  SIGNATURE_PASSWORD,
  startSignatureWorld,
  type SignatureWorld,
} from './signature-world';

/** The firm's SIRET written in every interchange (Luhn-valid). */
export const FIRM_SIRET = '73282932000074';

/** A signature world with the firm's SIRET set, a signature, and `count` "prête" declarations. */
export interface SendingWorld extends SignatureWorld {
  signatureId: string;
  declarationIds: string[];
  /** `POST /api/sendings` as the collaborator. */
  send(ids?: string[], password?: string): ReturnType<SignatureWorld['t']['call']>;
  /** Delivery worker, partner's DGFiP, status polling: one round of each. */
  runEverything(): Promise<void>;
  /** Moves both clocks (declarant and partner). */
  advance(ms: number): void;
}

export async function startSendingWorld(
  dialect: 'sqlite' | 'postgres',
  options: {
    count?: number;
    /** SIRENs of the dossiers (default: a series of valid ones). */
    sirens?: string[];
    env?: Record<string, string>;
    partnerEnv?: Record<string, string>;
    /** Both clocks set to the real time before the signature is made (for openssl, which checks
     * certificates and CRLs at the real time). */
    realClock?: boolean;
  } = {},
): Promise<SendingWorld> {
  const world = await startSignatureWorld(
    dialect,
    { DELIVERY_INTERVAL_MS: '0', STATUS_POLL_INTERVAL_MS: '0', ...options.env },
    { DGFIP_DELAY_MS: '1000', ...options.partnerEnv },
  );
  const { t } = world;
  if (options.realClock) {
    t.clock.advance(Date.now() - t.clock.now().getTime());
    world.partner.clock.advance(Date.now() - world.partner.clock.now().getTime());
    // Months later: the sessions and the client-space connection have ended (the connection
    // is found lost only when used: "Se déconnecter" first, then "Se connecter" again).
    await world.signInAgain();
    await t.call('DELETE', '/api/me/client-space', { cookie: world.cookie });
    const connected = await t.call('POST', '/api/me/client-space', {
      cookie: world.cookie,
      body: PORTAL,
    });
    if (connected.statusCode !== 200) throw new Error(`connect: ${connected.body}`);
  }
  const settings = await t.call('PUT', '/api/firm/settings', {
    cookie: world.adminCookie,
    body: { siret: FIRM_SIRET },
  });
  if (settings.statusCode !== 200) throw new Error(`firm settings: ${settings.body}`);
  const signature = await world.createSignature();
  const sirens =
    options.sirens ?? Array.from({ length: options.count ?? 2 }, (_, i) => testSiren(i));
  const declarationIds = await importReadyDeclarations(world, sirens);
  const advance = (ms: number) => {
    t.clock.advance(ms);
    world.partner.clock.advance(ms);
  };
  return Object.assign(world, {
    signatureId: signature.id,
    declarationIds,
    send(ids = declarationIds, password = SIGNATURE_PASSWORD) {
      return t.call('POST', '/api/sendings', {
        cookie: world.cookie,
        body: { declarationIds: ids, signatureId: signature.id, password },
      });
    },
    async runEverything() {
      await deliverDue(t.ctx);
      advance(2000);
      await world.partner.runDgfip();
      advance(2000);
      await world.partner.runDgfip();
      await syncStatuses(t.ctx);
    },
    advance,
  });
}

/** One dossier per declaration (a SIREN each), the documented JSON example imported into each. */
async function importReadyDeclarations(world: SignatureWorld, sirens: string[]): Promise<string[]> {
  const { t } = world;
  const bodies = [];
  for (const [i, siren] of sirens.entries()) {
    const dossier = await t.call('POST', '/api/dossiers', {
      cookie: world.cookie,
      body: buildDossier({ siren, name: `SOCIETE ${i}` }),
    });
    if (dossier.statusCode !== 201) throw new Error(`dossier: ${dossier.body}`);
    bodies.push(buildDeclaration({ siren, name: `SOCIETE ${i}` }));
  }
  const imported = await t.call('POST', '/api/declarations/import-json', {
    cookie: world.cookie,
    body: bodies,
  });
  if (imported.statusCode !== 201) throw new Error(`import: ${imported.body}`);
  const declarations = imported.json<{ declarations: { id: string; status: string }[] }>()
    .declarations;
  if (declarations.some((d) => d.status !== 'ready')) throw new Error('fixture not ready');
  return declarations.map((d) => d.id);
}
