// The firm's client account on the partner, created and confirmed through the partner's API v1,
// its confidential code read from the local inbox (as e2e/sending does).
import type { PartnerProcesses } from '../../e2e/support/partner-processes';

interface InboxMail {
  to: string[];
  subject: string;
  text: string;
}

/** Waits until the local inbox holds a mail to `to` whose subject starts with `subject`. */
async function waitForMail(inboxUrl: string, to: string, subject: string): Promise<InboxMail> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await fetch(`${inboxUrl}/api/messages`);
    const { messages } = (await response.json()) as { messages: InboxMail[] };
    const found = messages.find((m) => m.to.includes(to) && m.subject.startsWith(subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail "${subject}" to ${to}`);
    // A mail has nothing to wait on: poll the inbox with a short pause.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** POSTs JSON to the partner and returns the parsed answer; throws with the body on another status. */
export async function postPartnerJson<T>(url: string, body: unknown, expected: number): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`POST ${url}: ${response.status} ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** Creates the firm's client account, confirms its address, and returns the emailed code. */
export async function createClientAccount(
  partner: PartnerProcesses,
  account: { firmName: string; siret: string; email: string; password: string },
): Promise<string> {
  await postPartnerJson(
    `${partner.partnerUrl}/api/v1/accounts`,
    {
      firmName: account.firmName,
      siret: account.siret,
      adminFirstName: 'Alice',
      adminLastName: 'Durand',
      adminEmail: account.email,
      password: account.password,
      passwordConfirmation: account.password,
    },
    202,
  );
  const verification = await waitForMail(
    partner.inboxUrl,
    account.email,
    'Confirmez votre adresse email',
  );
  const token = /\/portail\/verifier-email\?jeton=(\S+)/.exec(verification.text)?.[1];
  if (token === undefined) throw new Error('no verification link in the mail');
  await postPartnerJson(
    `${partner.partnerUrl}/api/v1/accounts/verification`,
    { token, password: account.password },
    200,
  );
  const codeMail = await waitForMail(
    partner.inboxUrl,
    account.email,
    'Votre code confidentiel EDI-TDFC',
  );
  const code = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}/.exec(codeMail.text)?.[0];
  if (code === undefined) throw new Error('no confidential code in the mail');
  return code;
}

/** An API v1 access token of the account (`POST /api/v1/sessions`). */
export async function partnerAccessToken(
  partner: PartnerProcesses,
  account: { email: string; password: string },
): Promise<string> {
  const tokens = await postPartnerJson<{ accessToken: string }>(
    `${partner.partnerUrl}/api/v1/sessions`,
    { email: account.email, password: account.password },
    201,
  );
  return tokens.accessToken;
}
