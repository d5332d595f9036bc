// A firm ready to send, seeded through the real HTTP APIs of both servers (no browser): the
// administrator, the firm's SIRET, a client account on the partner (its emailed code read in the
// local inbox), the client-space connection, a signature, and N "prête" declarations.
import { readFixtureJson } from '@passerelle/tdfc';
import { testDossier, testSiren } from '@passerelle/declarant-server/testing/factories';
import { ApiSession } from './api-session';
import { ADMIN, FIRM_SIRET } from './people';
import { seedAdministrator } from './seed-declarant';
import { partnerAccessToken, seedClientAccount } from './steps/client-account';
import { connectClientSpaceThroughApi } from './steps/client-space';
import { createSignature } from './steps/signature';

export interface SendingFirm {
  session: ApiSession;
  signatureId: string;
  declarationIds: string[];
  sirens: string[];
}

/** Seeds everything a firm needs before "Envoyer" (not measured, not under test). */
export async function seedSendingFirm(input: {
  declarantUrl: string;
  setupLink: string;
  partnerUrl: string;
  inboxUrl: string;
  count: number;
}): Promise<SendingFirm> {
  await seedAdministrator(input.declarantUrl, input.setupLink, ADMIN);
  const session = await ApiSession.signIn(input.declarantUrl);
  await session.ok('PUT', '/api/firm/settings', { siret: FIRM_SIRET });

  const code = await seedClientAccount(input);
  if (!(await connectClientSpaceThroughApi(session, ADMIN)))
    throw new Error('client space not connected');
  const signature = await createSignature(session, code);

  const example = readFixtureJson('importExample') as Record<string, unknown>;
  const sirens = Array.from({ length: input.count }, (_, i) => testSiren(i));
  const bodies = [];
  for (const [i, siren] of sirens.entries()) {
    await session.seedDossier(testDossier(siren, `SOCIETE ${i}`));
    bodies.push({ ...example, siren, name: `SOCIETE ${i}` });
  }
  const declarationIds: string[] = [];
  for (let i = 0; i < bodies.length; i += 100) {
    const { declarations } = await session.ok<{ declarations: { id: string; status: string }[] }>(
      'POST',
      '/api/declarations/import-json',
      bodies.slice(i, i + 100),
    );
    if (declarations.some((d) => d.status !== 'ready')) throw new Error('fixture not ready');
    declarationIds.push(...declarations.map((d) => d.id));
  }
  return { session, signatureId: signature.id, declarationIds, sirens };
}

/** The partner's deposits of the account (every page), read through its API. */
export async function partnerDeposits(
  partnerUrl: string,
): Promise<{ id: string; transmissionId: string; siren: string | null; status: string }[]> {
  const accessToken = await partnerAccessToken(partnerUrl);
  type Listed = { id: string; transmissionId: string; siren: string | null; status: string };
  const all: Listed[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '200', ...(cursor ? { cursor } : {}) });
    const page = (await (
      await fetch(`${partnerUrl}/api/v1/deposits?${query}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      })
    ).json()) as { items: Listed[]; nextCursor: string | null };
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return all;
}

/** Fast retries so the run stays short; the mechanisms are the production ones. */
export const FAST_DELIVERY = {
  DELIVERY_INTERVAL_MS: '200',
  DELIVERY_LEASE_MS: '3000',
  DELIVERY_BACKOFF_BASE_MS: '200',
  DELIVERY_BACKOFF_MAX_MS: '2000',
  DELIVERY_MAX_ATTEMPTS: '100',
  PARTNER_TIMEOUT_MS: '2000',
  STATUS_POLL_INTERVAL_MS: '300',
};

/** A declaration's id, SIREN and status as `GET /api/declarations` lists them. */
export type DeclarationStatus = { id: string; siren: string; status: string };
const FINAL = ['accepted', 'partially_rejected', 'rejected', 'syntax_rejected', 'partner_refused'];

/** Waits until every declaration is final (or the deadline), returning the last statuses. */
export async function waitUntilFinal(
  firm: SendingFirm,
  deadlineMs: number,
): Promise<DeclarationStatus[]> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const listed = await firm.session.all<DeclarationStatus>('/api/declarations');
    const ours = listed.filter((d) => firm.declarationIds.includes(d.id));
    if (ours.every((d) => FINAL.includes(d.status)) || Date.now() > end) return ours;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Lost, duplicated and unexpected deposits, counted against the declarations' SIRENs. */
export async function countDeposits(partnerUrl: string, firm: SendingFirm) {
  const deposits = await partnerDeposits(partnerUrl);
  const bySiren = new Map<string, number>();
  for (const deposit of deposits) {
    bySiren.set(deposit.siren ?? '?', (bySiren.get(deposit.siren ?? '?') ?? 0) + 1);
  }
  const expected = new Set(firm.sirens);
  return {
    deposits: deposits.length,
    lost: firm.sirens.filter((siren) => !bySiren.has(siren)).length,
    duplicated: [...bySiren.entries()].filter(([siren, n]) => expected.has(siren) && n > 1).length,
    unexpected: [...bySiren.keys()].filter((siren) => !expected.has(siren)).length,
  };
}
