import { z } from 'zod';
import { CERTIFICATE_NAME_MAX_LENGTH } from './certificate-names';
import {
  certificateHolderSchema,
  emailField,
  lineTextField,
  newPasswordFields,
  passwordField,
  personNameField,
} from './fields';
import { pageOf, pageQuery } from './pages';
import { sessionUserSchema } from './partner-users';
import { isValidSiret } from './siret';

// Schemas of the reference EDI partner's API v1 (design §3). The declarant's PartnerClient
// and the partner server both use them.

/** `POST /api/v1/accounts` (and the portal's "Créer un compte client" form). */
export const createAccountRequest = z
  .object({
    // The organizationName of every signature certificate of the account: X.520's bound.
    firmName: lineTextField('Raison sociale')
      .trim()
      .min(1, 'Raison sociale obligatoire.')
      .max(
        CERTIFICATE_NAME_MAX_LENGTH,
        `Raison sociale trop longue (${CERTIFICATE_NAME_MAX_LENGTH} caractères au plus : elle figure dans les certificats de signature).`,
      ),
    siret: z
      .string({ error: 'SIRET obligatoire.' })
      .transform((value) => value.replace(/\s+/g, ''))
      .refine(isValidSiret, {
        error: 'SIRET invalide : 14 chiffres avec une clé de contrôle correcte.',
      }),
    adminFirstName: personNameField('Prénom'),
    adminLastName: personNameField('Nom'),
    adminEmail: emailField,
  })
  .and(newPasswordFields);
export type CreateAccountRequest = z.input<typeof createAccountRequest>;

/**
 * Answer of `POST /api/v1/accounts` (202), the same whether the address was new, waiting for its
 * confirmation (replaced), or already an account's (its owner is told instead): registration
 * is not a way to learn which addresses have an account.
 */
export const accountRegistrationSchema = z.object({ sentTo: z.string() });
export type AccountRegistration = z.infer<typeof accountRegistrationSchema>;

/**
 * `POST /api/v1/accounts/verification`: the token of the emailed confirmation link and the
 * password chosen at registration, typed again by whoever holds the link (the mailbox owner):
 * an address is confirmed only with the password its registrant chose.
 */
export const verifyEmailRequest = z.object({
  token: z
    .string({ error: 'Lien de confirmation invalide.' })
    .min(1, 'Lien de confirmation invalide.')
    .max(200, 'Lien de confirmation invalide.'),
  password: passwordField,
});
export type VerifyEmailRequest = z.input<typeof verifyEmailRequest>;

export const subscriptionSchema = z.object({
  status: z.enum(['none', 'active']),
  /** When and to which address the current confidential code was emailed. */
  codeSentAt: z.string().nullable(),
  codeSentTo: z.string().nullable(),
});

/** A client account as the API shows it (never a secret). */
export const accountSchema = z.object({
  id: z.string(),
  firmName: z.string(),
  siret: z.string(),
  adminFirstName: z.string(),
  adminLastName: z.string(),
  adminEmail: z.string(),
  emailVerified: z.boolean(),
  subscription: subscriptionSchema,
  createdAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

/** `POST /api/v1/sessions`. */
export const createSessionRequest = z.object({ email: emailField, password: passwordField });
export type CreateSessionRequest = z.input<typeof createSessionRequest>;

/** `POST /api/v1/sessions/refresh`: the refresh token is single-use and rotates. */
export const refreshSessionRequest = z.object({
  refreshToken: z.string({ error: 'Jeton de renouvellement obligatoire.' }).min(1).max(200),
});
export type RefreshSessionRequest = z.input<typeof refreshSessionRequest>;

/** Answer of session creation and refresh. */
export const sessionTokensSchema = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: z.string(),
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.string(),
  account: accountSchema,
  /** The personal portal user who signed in; null (or absent) for the account's administrator. */
  user: sessionUserSchema.optional(),
});
export type SessionTokens = z.infer<typeof sessionTokensSchema>;

/** `GET /api/v1/signature-policy`: what the declarant offers in "Durée de validité". */
export const signaturePolicySchema = z.object({
  validityMonths: z.array(z.number().int().positive()),
  keyTypes: z.array(z.string()),
});
export type SignaturePolicy = z.infer<typeof signaturePolicySchema>;

/** The holder of a signature certificate: CN = "Prénom Nom" (64 characters at most), SAN email. */
export const holderSchema = certificateHolderSchema({
  firstName: 'Prénom du titulaire',
  lastName: 'Nom du titulaire',
});

/** `POST /api/v1/signatures`: a PKCS#10 request, the emailed code, the chosen validity. */
export const issueSignatureRequest = z.object({
  csrPem: z
    .string({ error: 'Demande de certificat (CSR) obligatoire.' })
    .min(1, 'Demande de certificat (CSR) obligatoire.')
    .max(16_384, 'Demande de certificat (CSR) trop volumineuse.'),
  confidentialCode: z
    .string({ error: 'Code confidentiel EDI-TDFC obligatoire.' })
    .trim()
    .min(1, 'Code confidentiel EDI-TDFC obligatoire.')
    .max(64, 'Code confidentiel EDI-TDFC invalide.'),
  validityMonths: z.number({ error: 'Durée de validité obligatoire.' }).int(),
  holder: holderSchema,
});
export type IssueSignatureRequest = z.input<typeof issueSignatureRequest>;

/** A certificate issued to a person of the account. */
export const signatureSchema = z.object({
  serial: z.string(),
  holder: z.object({ firstName: z.string(), lastName: z.string(), email: z.string() }),
  notBefore: z.string(),
  notAfter: z.string(),
  status: z.enum(['valid', 'expired', 'revoked']),
  revokedAt: z.string().nullable(),
  issuedAt: z.string(),
  certificatePem: z.string(),
  /** The personal portal user whose connection obtained it; null for the administrator's. */
  portalUserId: z.string().nullable().optional(),
});
export type Signature = z.infer<typeof signatureSchema>;

/** `GET /api/v1/signatures`: the account's certificates, newest first. */
export const listPartnerSignaturesQuery = pageQuery;
export const partnerSignaturePageSchema = pageOf(signatureSchema);
export type PartnerSignaturePage = z.infer<typeof partnerSignaturePageSchema>;

/**
 * `GET /portail` (the client space's dashboard, HTML): each long section is paged on its own by
 * a cursor in the query string, so the page's links move one section and keep the others.
 */
export const portalDashboardQuery = z.object({
  /** A confirmation's key (see the portal's notices); anything else is ignored. */
  message: z.string().max(64).optional().catch(undefined),
  depots: pageQuery.shape.cursor,
  signatures: pageQuery.shape.cursor,
  connexions: pageQuery.shape.cursor,
  utilisateurs: pageQuery.shape.cursor,
});
export type PortalDashboardQuery = z.infer<typeof portalDashboardQuery>;

/** Answer of `POST /api/v1/signatures`: the certificate and its chain up to the partner CA. */
export const issuedSignatureSchema = z.object({
  signature: signatureSchema,
  certificatePem: z.string(),
  chainPem: z.array(z.string()),
});
export type IssuedSignature = z.infer<typeof issuedSignatureSchema>;

/** `POST /api/v1/signatures/{serial}/revocation`. */
export const revokeSignatureRequest = z.object({
  reason: z
    .enum(['keyCompromise', 'cessationOfOperation', 'superseded', 'unspecified'])
    .default('unspecified'),
});
export type RevokeSignatureRequest = z.input<typeof revokeSignatureRequest>;
