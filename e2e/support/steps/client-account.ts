// The firm's client account on the partner, made through its API v1 (no browser): registered,
// its address confirmed from the emailed link, its confidential code read in the local inbox.
import { postJson } from '../http';
import { confidentialCodeIn, waitForMail } from '../mail';
import { ADMIN, FIRM } from '../people';

/** Where the partner and its local inbox answer. */
export interface PartnerUrls {
  partnerUrl: string;
  inboxUrl: string;
}

/** A client account as `POST /api/v1/accounts` takes it; the firm and "Alice Durand" by default. */
export interface ClientAccount {
  email: string;
  password: string;
  firmName?: string;
  siret?: string;
  adminFirstName?: string;
  adminLastName?: string;
}

/** Registers the client account and confirms its address with the emailed link. */
export async function registerClientAccount(
  partner: PartnerUrls,
  account: ClientAccount = ADMIN,
): Promise<void> {
  await postJson(
    `${partner.partnerUrl}/api/v1/accounts`,
    {
      firmName: account.firmName ?? FIRM.name,
      siret: account.siret ?? FIRM.siret,
      adminFirstName: account.adminFirstName ?? 'Alice',
      adminLastName: account.adminLastName ?? 'Durand',
      adminEmail: account.email,
      password: account.password,
      passwordConfirmation: account.password,
    },
    202,
  );
  const verification = await waitForMail(partner.inboxUrl, {
    to: account.email,
    subject: 'Confirmez votre adresse email',
  });
  const token = /\/portail\/verifier-email\?jeton=(\S+)/.exec(verification.text)?.[1];
  if (token === undefined) throw new Error(`no link in:\n${verification.text}`);
  await postJson(
    `${partner.partnerUrl}/api/v1/accounts/verification`,
    { token, password: account.password },
    200,
  );
}

/** The confidential EDI-TDFC code emailed to `email` once the account was confirmed. */
export async function emailedConfidentialCode(inboxUrl: string, email: string): Promise<string> {
  const mail = await waitForMail(inboxUrl, {
    to: email,
    subject: 'Votre code confidentiel EDI-TDFC',
  });
  const code = confidentialCodeIn(mail.text);
  if (code === undefined) throw new Error(`no code in:\n${mail.text}`);
  return code;
}

/** A confirmed client account (see {@link registerClientAccount}); its emailed confidential code. */
export async function seedClientAccount(
  partner: PartnerUrls,
  account: ClientAccount = ADMIN,
): Promise<string> {
  await registerClientAccount(partner, account);
  return emailedConfidentialCode(partner.inboxUrl, account.email);
}

/** An API v1 access token of the account (`POST /api/v1/sessions`). */
export async function partnerAccessToken(
  partnerUrl: string,
  account: { email: string; password: string } = ADMIN,
): Promise<string> {
  const tokens = await postJson<{ accessToken: string }>(
    `${partnerUrl}/api/v1/sessions`,
    { email: account.email, password: account.password },
    201,
  );
  return tokens.accessToken;
}
