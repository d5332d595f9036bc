import { z } from 'zod';
import { newPasswordFields, passwordField } from './fields';
import { pageOf, pageQuery } from './pages';

// The declarant's signature API (issue #5): a person's signing key, certified by the partner's
// CA and kept wrapped under a password that is asked again at every send.

/**
 * What the "Signatures" list shows. The order is the precedence when several apply: a revoked
 * signature stays "Révoquée" after its expiry, a locked one shows "Bloquée" until the lock ends.
 */
export const signatureStatuses = ['revoked', 'expired', 'locked', 'expiring', 'valid'] as const;
export type SignatureStatus = (typeof signatureStatuses)[number];

/** Days before expiry from which a signature is "Expire bientôt". */
export const SIGNATURE_EXPIRING_DAYS = 30;

/** A signature as the declarant API shows it: never the key, never a secret. */
export const declarantSignatureSchema = z.object({
  id: z.string(),
  userId: z.string(),
  holder: z.object({ firstName: z.string(), lastName: z.string(), email: z.string() }),
  /** Certificate serial number, lower-case hexadecimal. */
  serial: z.string(),
  keyType: z.string(),
  issuedAt: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  status: z.enum(signatureStatuses),
  revokedAt: z.string().nullable(),
  /** End of the lock after too many wrong passwords (status `locked`), else null. */
  lockedUntil: z.string().nullable(),
  /** The newest usable signature of its holder: the one sending proposes first. */
  isDefault: z.boolean(),
});
export type DeclarantSignature = z.infer<typeof declarantSignatureSchema>;

/** `GET /api/me/signatures` and (administrator) `GET /api/signatures`: newest first. */
export const listSignaturesQuery = pageQuery;
export const signaturePageSchema = pageOf(declarantSignatureSchema);
export type SignaturePage = z.infer<typeof signaturePageSchema>;

/** `GET /api/me/signature-options`: the partner's policy, read through the user's connection. */
export const signatureOptionsSchema = z.object({
  validityMonths: z.array(z.number().int().positive()),
  keyTypes: z.array(z.string()),
  defaultKeyType: z.string(),
});
export type SignatureOptions = z.infer<typeof signatureOptionsSchema>;

/** Key types the declarant can generate, the first being the default. */
export const generatedKeyTypes = ['ECDSA-P256', 'ECDSA-P384', 'RSA-2048', 'RSA-3072'] as const;

/** `POST /api/me/signatures`: "Ajouter une signature". */
export const createSignatureRequest = z
  .object({
    confidentialCode: z
      .string({ error: 'Code confidentiel EDI-TDFC obligatoire.' })
      .trim()
      .min(1, 'Code confidentiel EDI-TDFC obligatoire.')
      .max(64, 'Code confidentiel EDI-TDFC invalide.'),
    validityMonths: z
      .number({ error: 'Choisissez une durée de validité.' })
      .int('Choisissez une durée de validité.')
      .positive('Choisissez une durée de validité.'),
    keyType: z.enum(generatedKeyTypes, { error: 'Type de clé non proposé.' }).default('ECDSA-P256'),
  })
  .and(newPasswordFields);
export type CreateSignatureRequest = z.input<typeof createSignatureRequest>;

/** `POST /api/signatures/:id/password`: "Changer le mot de passe" (re-wraps the key). */
export const changeSignaturePasswordRequest = z
  .object({ currentPassword: passwordField })
  .and(newPasswordFields);
export type ChangeSignaturePasswordRequest = z.input<typeof changeSignaturePasswordRequest>;

/**
 * `POST /api/signatures/:id/export`: "Exporter (.p12)". The file's own password is chosen by the
 * user (same rules as a new password); the signature's password proves it is theirs.
 */
export const exportSignatureRequest = z
  .object({ currentPassword: passwordField })
  .and(newPasswordFields);
export type ExportSignatureRequest = z.input<typeof exportSignatureRequest>;
