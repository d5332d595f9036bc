import type { PackTables } from '@passerelle/campaign-packs';
import type { DepositStatus } from '@passerelle/contracts';
import type { RateLimitTable } from '@passerelle/server-kit';

// Row types of the partner database. Text UUID ids and ISO-8601 UTC text times on both dialects.

export interface AccountsTable {
  id: string;
  firm_name: string;
  siret: string;
  admin_first_name: string;
  admin_last_name: string;
  /** Lower-cased, unique: the client-space sign-in. */
  admin_email: string;
  password_hash: string;
  email_verified_at: string | null;
  created_at: string;
}

export interface EmailVerificationsTable {
  token_hash: string;
  account_id: string;
  expires_at: string;
  used_at: string | null;
}

/** A one-time link to choose a new password, emailed on "Mot de passe oublié ?". */
export interface PasswordResetsTable {
  /** SHA-256 of the link's 256-bit token: the token itself is only in the email. */
  token_hash: string;
  account_id: string;
  created_at: string;
  expires_at: string;
  /** Set when the link is used, or voided by a newer link or a password change. */
  used_at: string | null;
}

export interface ConfidentialCodesTable {
  id: string;
  account_id: string;
  /** HMAC-SHA-256 of the normalised code under a key derived from the master key. */
  code_hmac: string;
  sent_to: string;
  created_at: string;
  /** Set when a newer code replaces it: an old code stops working. */
  replaced_at: string | null;
}

export interface RefreshTokensTable {
  token_hash: string;
  /** Every rotation of one sign-in shares a family; reusing a spent token revokes the family. */
  family_id: string;
  account_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SessionFamiliesTable {
  id: string;
  /** `api` for the declarant's token sessions, `portal` for a person's browser session. */
  kind: 'api' | 'portal';
  account_id: string;
  created_at: string;
  /** The absolute end, however often it is used or refreshed; no token of the family outlives it. */
  expires_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
  /** The personal portal user who signed in; null for the account's administrator. */
  portal_user_id: string | null;
}

export interface AccessTokensTable {
  token_hash: string;
  family_id: string;
  account_id: string;
  /** For a portal session, the idle deadline: each request moves it (never past the family's end). */
  expires_at: string;
}

export interface CaKeysTable {
  id: string;
  certificate_pem: string;
  /** PKCS#8 private key sealed under the master key (server-kit secret box). */
  private_key_sealed: string;
  created_at: string;
}

export interface SignaturesTable {
  serial: string;
  account_id: string;
  holder_first_name: string;
  holder_last_name: string;
  holder_email: string;
  certificate_pem: string;
  not_before: string;
  not_after: string;
  issued_at: string;
  revoked_at: string | null;
  revocation_reason: string | null;
  /** The personal portal user whose connection obtained it; null for the administrator's. */
  portal_user_id: string | null;
}

export interface CrlsTable {
  crl_number: number;
  der_base64: string;
  this_update: string;
  next_update: string;
}

export interface DepositsTable {
  id: string;
  account_id: string;
  /** The `Idempotency-Key` (the declarant's transmission id); unique per account. */
  idempotency_key: string;
  status: DepositStatus;
  received_at: string;
  updated_at: string;
  /** SHA-256 of `body`, lower-case hex. */
  body_sha256: string;
  body_size: number;
  signer_serial: string;
  /** The CMS signing-time attribute (the signer's claim), checked at reception. */
  signing_time: string;
  /** UNB 0020; unique per account (with `content_sha256`) among rows that are no duplicate. */
  interchange_reference: string | null;
  siren: string | null;
  /** UNB 0035 = 1, as 0/1 on both dialects. */
  test_indicator: number;
  /** JSON `DepositEvent[]`; changes only with `status`, so a status check guards both. */
  history: string;
  /** JSON `DepositError[]` of the CONTRL or CR. */
  errors: string;
  contrl: string | null;
  cr: string | null;
  /** The simulated DGFiP's lease: which worker holds the deposit, and until when. */
  locked_by: string | null;
  locked_until: string | null;
  /**
   * SHA-256 of `content` (the interchange), lower-case hex; unique per account. Null only
   * between the migration adding it and its backfill, in the same transaction.
   */
  content_sha256: string | null;
  /** Set only on copies accepted before the uniqueness rule: the earlier deposit they repeat. */
  duplicate_of: string | null;
  /** DER of the signed receipt, answered byte for byte on every replay. */
  receipt: Buffer;
  /** The interchange: the verified CMS content. */
  content: Buffer;
  /** The exact bytes received. */
  body: Buffer;
}

export interface DepositRefusalsTable {
  account_id: string;
  /** The refusal's error code (`DEPOSIT_…`). */
  code: string;
  count: number;
  last_at: string;
}

/** A person invited by a client account's administrator, with their own password (issue #13). */
export interface PortalUsersTable {
  id: string;
  account_id: string;
  /** Lower-cased; unique among users, and never an account's administrator address. */
  email: string;
  first_name: string;
  last_name: string;
  /** Argon2id; null until the invitation is accepted. */
  password_hash: string | null;
  status: 'invited' | 'active' | 'revoked';
  invited_at: string;
  /** SHA-256 of the pending invitation link's 256-bit token; null once used or revoked. */
  invitation_token_hash: string | null;
  invitation_expires_at: string | null;
  activated_at: string | null;
  revoked_at: string | null;
}

/** Who did what to a client account's people (invitations, acceptances, revocations). */
export interface AuditEventsTable {
  id: string;
  account_id: string;
  at: string;
  action: 'portal_user.invited' | 'portal_user.accepted' | 'portal_user.revoked';
  /** The portal user who acted; null for the account's administrator (or a link's holder). */
  actor_user_id: string | null;
  subject_user_id: string | null;
  /** JSON object of facts (never a secret). */
  details: string;
}

/** The whole partner schema as Kysely sees it. */
export interface PartnerDatabase extends RateLimitTable, PackTables {
  accounts: AccountsTable;
  email_verifications: EmailVerificationsTable;
  password_resets: PasswordResetsTable;
  confidential_codes: ConfidentialCodesTable;
  session_families: SessionFamiliesTable;
  refresh_tokens: RefreshTokensTable;
  access_tokens: AccessTokensTable;
  ca_keys: CaKeysTable;
  signatures: SignaturesTable;
  crls: CrlsTable;
  deposits: DepositsTable;
  deposit_refusals: DepositRefusalsTable;
  portal_users: PortalUsersTable;
  audit_events: AuditEventsTable;
}
