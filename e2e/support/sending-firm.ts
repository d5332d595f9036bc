// A firm ready to send, seeded through the real HTTP APIs of both servers (no browser): the
// administrator, the firm's SIRET, a client account on the partner (its emailed code read in the
// local inbox), the client-space connection, a signature, and N "prête" declarations.
import { readFixtureJson } from '@passerelle/tdfc';
import { testSiren } from '@passerelle/declarant-server/testing/factories';
import { seedAdministrator } from './seed-declarant';

export const ADMIN = {
  email: 'alice.durand@cabinet-exemple.fr',
  password: 'cheval agrafe batterie correcte',
};
export const SIGNATURE_PASSWORD = 'parapluie mandarine escalier volcan';
export const FIRM_SIRET = '73282932000074';

/** JSON over HTTP with a session cookie and a same-origin header, like the web UI. */
export class Session {
  constructor(
    readonly url: string,
    private readonly cookie: string,
  ) {}

  static async signIn(url: string, user = ADMIN): Promise<Session> {
    const response = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify(user),
    });
    if (response.status !== 200) throw new Error(`sign-in: ${response.status}`);
    return new Session(url, (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
  }

  /** The answer's status and JSON body (refusals are returned, not thrown). */
  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', origin: this.url, cookie: this.cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  async ok<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.call<T>(method, path, body);
    if (answer.status >= 300) {
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  }

  /** Every item of a paged list (`GET path`), following its cursor in pages of 200. */
  async all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    const separator = path.includes('?') ? '&' : '?';
    let cursor: string | null = null;
    do {
      const after = cursor === null ? '' : `&cursor=${cursor}`;
      const page: { items: T[]; nextCursor: string | null } = await this.ok(
        'GET',
        `${path}${separator}limit=200${after}`,
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return items;
  }
}

/** Waits for a mail in the local inbox (its JSON API) and returns its text. */
export async function mailText(inboxUrl: string, subject: RegExp): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const { messages } = (await (await fetch(`${inboxUrl}/api/messages`)).json()) as {
      messages: { id: string; subject: string }[];
    };
    const found = messages.find((m) => subject.test(m.subject));
    if (found) {
      const { message } = (await (await fetch(`${inboxUrl}/api/messages/${found.id}`)).json()) as {
        message: { text: string };
      };
      return message.text;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail ${subject}`);
}

/**
 * The firm's client account on the partner (its administrator: {@link ADMIN}), registered
 * through the API and confirmed from the emailed link; returns the confidential EDI-TDFC code
 * emailed next.
 */
export async function seedClientAccount(partnerUrl: string, inboxUrl: string): Promise<string> {
  // The client account on the partner, confirmed from the inbox; its code arrives next.
  const account = await fetch(`${partnerUrl}/api/v1/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      firmName: 'Cabinet Exemple',
      siret: FIRM_SIRET,
      adminFirstName: 'Alice',
      adminLastName: 'Durand',
      adminEmail: ADMIN.email,
      password: ADMIN.password,
      passwordConfirmation: ADMIN.password,
    }),
  });
  if (account.status !== 202) throw new Error(`account: ${account.status}`);
  const token = /jeton=([\w-]+)/.exec(await mailText(inboxUrl, /Confirmez/))?.[1];
  const verified = await fetch(`${partnerUrl}/api/v1/accounts/verification`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password: ADMIN.password }),
  });
  if (verified.status >= 400) throw new Error(`verification: ${verified.status}`);
  const code = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}/.exec(
    await mailText(inboxUrl, /code confidentiel/),
  )?.[0];

  if (code === undefined) throw new Error('no confidential code');
  return code;
}

export interface SendingFirm {
  session: Session;
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
  const session = await Session.signIn(input.declarantUrl);
  await session.ok('PUT', '/api/firm/settings', { siret: FIRM_SIRET });

  const code = await seedClientAccount(input.partnerUrl, input.inboxUrl);

  await session.ok('POST', '/api/me/client-space', {
    email: ADMIN.email,
    password: ADMIN.password,
  });
  const { signature } = await session.ok<{ signature: { id: string } }>(
    'POST',
    '/api/me/signatures',
    {
      confidentialCode: code,
      validityMonths: 12,
      password: SIGNATURE_PASSWORD,
      passwordConfirmation: SIGNATURE_PASSWORD,
    },
  );

  const example = readFixtureJson('importExample') as Record<string, unknown>;
  const sirens = Array.from({ length: input.count }, (_, i) => testSiren(i));
  const bodies = [];
  for (const [i, siren] of sirens.entries()) {
    await session.ok('POST', '/api/dossiers', {
      siren,
      name: `SOCIETE ${i}`,
      postcode: '75002',
      city: 'Paris',
      category: 'BI',
      regime: 'RS',
      taxation: 'IS',
      rof: 'IS1',
    });
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
  const session = await fetch(`${partnerUrl}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  const { accessToken } = (await session.json()) as { accessToken: string };
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
