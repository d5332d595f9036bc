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
  revoked_at: string | null;
  revoked_reason: string | null;
}

export interface AccessTokensTable {
  token_hash: string;
  family_id: string;
  account_id: string;
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
}

export interface CrlsTable {
  crl_number: number;
  der_base64: string;
  this_update: string;
  next_update: string;
}

/** The whole partner schema as Kysely sees it. */
export interface PartnerDatabase extends RateLimitTable {
  accounts: AccountsTable;
  email_verifications: EmailVerificationsTable;
  confidential_codes: ConfidentialCodesTable;
  session_families: SessionFamiliesTable;
  refresh_tokens: RefreshTokensTable;
  access_tokens: AccessTokensTable;
  ca_keys: CaKeysTable;
  signatures: SignaturesTable;
  crls: CrlsTable;
}
