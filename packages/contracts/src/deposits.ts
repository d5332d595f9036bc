import { z } from 'zod';
import type { ErrorCode } from './error-codes';
import { pageOf, pageQuery } from './pages';

// The reference partner's deposit API (design §3, §4; issue #7). A deposit is one CMS
// SignedData (DER) whose content is one INFENT-DF interchange, posted with the declarant's
// transmission id as `Idempotency-Key`.

/** Largest deposit body the partner reads (level 1 "lisibilité"): 20 MiB. */
export const MAX_DEPOSIT_BYTES = 20 * 1024 * 1024;

/** Idempotency keys: the declarant's transmission ids (UUIDs); at most 255 characters (Stripe). */
export const idempotencyKeyField = z
  .string({ error: 'En-tête Idempotency-Key obligatoire.' })
  .min(1, 'En-tête Idempotency-Key obligatoire.')
  .max(255, 'En-tête Idempotency-Key trop long (255 caractères au plus).')
  .regex(/^[\x21-\x7e]+$/, { error: 'En-tête Idempotency-Key invalide.' });

/**
 * Where a deposit is. `received`: checks 1–2 passed, receipt given. `sent_to_dgfip`: handed to
 * the (simulated) DGFiP. Then one final status: `syntax_rejected` (a CONTRL: check 3),
 * `accepted`, `partially_rejected` or `rejected` (an INFENT CR: check 4).
 */
export const depositStatuses = [
  'received',
  'sent_to_dgfip',
  'syntax_rejected',
  'accepted',
  'partially_rejected',
  'rejected',
] as const;
export type DepositStatus = (typeof depositStatuses)[number];
export const finalDepositStatuses: readonly DepositStatus[] = [
  'syntax_rejected',
  'accepted',
  'partially_rejected',
  'rejected',
];

/** One error line of a CONTRL (level `syntax`) or of an INFENT CR (level `integrability`). */
export const depositErrorSchema = z.object({
  level: z.enum(['syntax', 'integrability']),
  /** `rejet` blocks (the deposit or the form), `alerte` is information. */
  severity: z.enum(['rejet', 'alerte']),
  /** DGFiP-style code: the 0085 syntax error for a CONTRL, our rule id for a CR. */
  code: z.string(),
  form: z.string().nullable(),
  cell: z.string().nullable(),
  occurrence: z.number().nullable(),
  /** The cell's label from the campaign dictionary, or the segment for a syntax error. */
  label: z.string().nullable(),
  /** French, readable by a collaborator. */
  message: z.string(),
});
export type DepositError = z.infer<typeof depositErrorSchema>;

export const depositEventSchema = z.object({ status: z.enum(depositStatuses), at: z.string() });

/** A deposit as `GET /api/v1/deposits/{id}` shows it. */
export const depositSchema = z.object({
  id: z.string(),
  /** The `Idempotency-Key` it was posted with (the declarant's transmission id). */
  transmissionId: z.string(),
  status: z.enum(depositStatuses),
  receivedAt: z.string(),
  updatedAt: z.string(),
  /** SHA-256 of the exact body received, lower-case hex. */
  bodySha256: z.string(),
  /** Serial (hex) of the certificate that signed it. */
  signerSerial: z.string(),
  /** UNB interchange reference and the SIREN read from it (null when unreadable). */
  interchangeReference: z.string().nullable(),
  siren: z.string().nullable(),
  testIndicator: z.boolean(),
  history: z.array(depositEventSchema),
  errors: z.array(depositErrorSchema),
  /** The returns as EDIFACT text (null until produced; a CONTRL only on syntax errors). */
  contrl: z.string().nullable(),
  cr: z.string().nullable(),
});
export type Deposit = z.infer<typeof depositSchema>;

/**
 * What the partner signs as its receipt (the JSON content of a CMS SignedData made with the
 * partner's receipt certificate, issued by its CA). The declarant checks the signature, the
 * chain, `transmissionId` and `bodySha256` before it marks a declaration "transmise".
 */
export const depositReceiptSchema = z.object({
  type: z.literal('passerelle-deposit-receipt'),
  version: z.literal(1),
  depositId: z.string(),
  transmissionId: z.string(),
  accountId: z.string(),
  bodySha256: z.string(),
  receivedAt: z.string(),
});
export type DepositReceipt = z.infer<typeof depositReceiptSchema>;

/** `202` answer of `POST /api/v1/deposits` (the same on a replay with the same key and body). */
export const depositAcceptedSchema = z.object({
  deposit: depositSchema,
  /** The signed receipt: base64 of a DER CMS SignedData whose content is a DepositReceipt. */
  receipt: z.string(),
});
export type DepositAccepted = z.infer<typeof depositAcceptedSchema>;

/**
 * The refusals of a deposit that sending the same bytes again would meet again: the body too
 * large, the DGFiP's checks 1–2 (in their order), and the interchange already deposited by the
 * account. The declarant marks such a transmission "Refusée par le partenaire" at once.
 */
export const depositFinalRefusals = [
  'PAYLOAD_TOO_LARGE',
  'DEPOSIT_UNREADABLE',
  'DEPOSIT_SEAL_INVALID',
  'DEPOSIT_CERTIFICATE_UNKNOWN',
  'DEPOSIT_CERTIFICATE_EXPIRED',
  'DEPOSIT_CERTIFICATE_REVOKED',
  'DEPOSIT_CERTIFICATE_FOREIGN',
  'DEPOSIT_DUPLICATE',
] as const satisfies readonly ErrorCode[];

/**
 * The refusals `POST /api/v1/deposits` may answer, in the order they are checked: the caller
 * and the request, the key's earlier use, the DGFiP's checks 1–2, then the interchange already
 * deposited by the account (`DEPOSIT_DUPLICATE`, 409, whose body's `depositId` names the first
 * deposit of it).
 */
export const depositIntakeErrors = [
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'IDEMPOTENCY_KEY_MISSING',
  'VALIDATION_ERROR',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'IDEMPOTENCY_KEY_REUSED',
  ...depositFinalRefusals.filter((code) => code !== 'PAYLOAD_TOO_LARGE'),
] as const satisfies readonly ErrorCode[];

/**
 * `GET /api/v1/deposits?updatedSince=…&limit=…&cursor=…`: the deposits changed strictly after
 * `updatedSince`, oldest change first (by `updatedAt`, then id).
 */
export const listDepositsQuery = pageQuery.extend({
  updatedSince: z.iso.datetime({ error: 'updatedSince : date ISO 8601 attendue.' }).optional(),
});
export const depositListSchema = pageOf(depositSchema).extend({
  /**
   * The partner's clock when this page was read: after the last page (`nextCursor` null), the
   * next poll's `updatedSince`, minus a margin for transactions that committed late.
   */
  serverTime: z.string(),
});
export type DepositList = z.infer<typeof depositListSchema>;

/** `GET /api/v1/deposit-policy`: what the partner accepts. */
export const depositPolicySchema = z.object({
  /** `test`: only interchanges with the UNB test indicator; `production`: only without. */
  environment: z.enum(['test', 'production']),
  maxBytes: z.number(),
  /** The partner's EDI number (UNB recipient). */
  ediNumber: z.string(),
});
export type DepositPolicy = z.infer<typeof depositPolicySchema>;
