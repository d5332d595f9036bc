import type { PackTables } from '@passerelle/campaign-packs';
import type { Generated } from 'kysely';
import type { RateLimitTable } from '@passerelle/server-kit';
import type { AuditAction, Role, TransmissionStatus, UserStatus } from '@passerelle/contracts';

// Row types of the declarant database. Ids are text UUIDs and times ISO-8601 UTC text on both
// dialects, so rows read the same from SQLite and PostgreSQL.

export interface FirmsTable {
  id: string;
  name: string;
  created_at: string;
  /** 1: interchanges carry the test indicator ("mode test"), for trying the chain end to end. */
  test_mode: Generated<number>;
  /** The firm's SIRET (rédacteur of its interchanges), set in "Paramètres du cabinet". */
  siret: string | null;
}

export interface UsersTable {
  id: string;
  firm_id: string;
  /** Lower-cased; unique. */
  email: string;
  first_name: string;
  last_name: string;
  role: Role;
  status: UserStatus;
  /** Argon2id PHC string; null until the person chooses a password through their link. */
  password_hash: string | null;
  created_at: string;
  updated_at: string;
  /** 1: email me when a declaration I sent is accepted or rejected (default). */
  notify_sending_results: Generated<number>;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a database reader cannot hijack a session. */
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  /** Absolute end, fixed at sign-in. */
  expires_at: string;
}

/** Why a session was ended by someone else; told once to its cookie's next request. */
export type SessionEndReason = 'deactivated';

/** A session ended by someone else: not a session (it opens nothing), only its reason. */
export interface SessionEndingsTable {
  /** The ended session's id_hash: only the holder of its cookie can be told. */
  id_hash: string;
  user_id: string;
  reason: SessionEndReason;
  ended_at: string;
  /** The ended session's absolute end: past it, the reason is forgotten (purged). */
  expires_at: string;
}

export interface PasswordTokensTable {
  token_hash: string;
  user_id: string;
  purpose: 'invite' | 'reset';
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
}

export interface AuditEventsTable {
  seq: number;
  at: string;
  action: AuditAction;
  actor_user_id: string | null;
  target_user_id: string | null;
  ip: string | null;
  /** JSON object; never holds a secret. */
  details: string;
}

export interface ClientSpaceConnectionsTable {
  user_id: string;
  /** The client-space (portal) email the user connected with. */
  portal_email: string;
  /** The partner's refresh token, sealed under the master key (never the portal password). */
  refresh_token_sealed: string;
  connected_at: string;
  /** Set when the partner refused the stored token (revoked on the portal, expired). */
  lost_reason: 'session_revoked' | null;
  updated_at: string;
  /** The partner's current access token, sealed; null until one is fetched, or once refused. */
  access_token_sealed: string | null;
  access_token_expires_at: string | null;
}

export interface SignaturesTable {
  id: string;
  user_id: string;
  /** Certificate serial, lower-case hexadecimal. */
  serial: string;
  key_type: string;
  holder_first_name: string;
  holder_last_name: string;
  holder_email: string;
  certificate_pem: string;
  /** The issuing CA's certificates, PEM, concatenated. */
  chain_pem: string;
  /** The PKCS#8 private key wrapped under the holder's password (`pkw1$argon2id$…`, pki). */
  wrapped_key: string;
  not_before: string;
  not_after: string;
  issued_at: string;
  revoked_at: string | null;
  revocation_reason: string | null;
  /** Consecutive wrong passwords since the last success or lock. */
  failed_attempts: Generated<number>;
  locked_until: string | null;
  password_changed_at: string | null;
}

export interface SignatureRemindersTable {
  signature_id: string;
  days_before: number;
  claimed_at: string;
  sent_at: string | null;
}

export interface DossiersTable {
  id: string;
  siren: string;
  name: string;
  /** `searchText(name)`, kept by the repository: what the dossiers' search compares. */
  name_search: string;
  street: string | null;
  complement: string | null;
  postcode: string;
  city: string;
  category: string;
  regime: string;
  taxation: string;
  rof: string;
  created_at: string;
  updated_at: string;
}

export interface ExercisesTable {
  id: string;
  dossier_id: string;
  start_date: string;
  end_date: string;
}

export interface DeclarationsTable {
  id: string;
  dossier_id: string;
  exercise_id: string;
  millesime: string;
  /** `draft` ("brouillon") until no blocking anomaly is left, then `ready` ("prête"). */
  status: 'draft' | 'ready';
  source: 'editor' | 'json' | 'infent';
  /** The declaration (packages/tdfc model) as JSON. */
  content: string;
  error_count: number;
  warning_count: number;
  /** Incremented by each change: an edit based on an older version is refused. */
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** Status of the latest transmission; null before the first send and after an edit. */
  transmission_status: TransmissionStatus | null;
  latest_transmission_id: string | null;
  /** The campaign pack (campaign, edition) the declaration was last validated with. */
  pack_campaign: string | null;
  pack_edition: number | null;
}

export interface SendingsTable {
  id: string;
  user_id: string;
  total: number;
  created_at: string;
}

/** One signed declaration on its way: the outbox row the delivery worker drains. */
export interface TransmissionsTable {
  /** Stable id, sent as `Idempotency-Key`: retries resend the same bytes under it. */
  id: string;
  sending_id: string;
  declaration_id: string;
  user_id: string;
  signature_id: string;
  /** The CMS SignedData (DER) exactly as sent; never re-signed. */
  signed_bytes: Buffer;
  body_sha256: string;
  interchange_reference: string;
  test_mode: number;
  status: TransmissionStatus;
  attempts: number;
  next_attempt_at: string | null;
  /** Lease of the worker that claimed it; an expired lease (crash) lets another claim it. */
  locked_until: string | null;
  last_error: string | null;
  deposit_id: string | null;
  /** The partner's signed receipt (DER CMS), kept as evidence. */
  receipt: Buffer | null;
  receipt_received_at: string | null;
  /** DepositError[] as JSON, from the CONTRL / CR. */
  errors: string | null;
  contrl: string | null;
  cr: string | null;
  result_notified_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TransmissionEventsTable {
  seq: Generated<number>;
  transmission_id: string;
  status: TransmissionStatus;
  at: string;
  detail: string | null;
}

export interface PartnerPollCursorsTable {
  user_id: string;
  updated_since: string;
}

/** A named lease: held by `holder` until `expires_at` (a crashed holder's lease just ends). */
export interface LeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

/** The whole declarant schema as Kysely sees it. */
export interface DeclarantDatabase extends RateLimitTable, PackTables {
  firms: FirmsTable;
  users: UsersTable;
  sessions: SessionsTable;
  session_endings: SessionEndingsTable;
  password_tokens: PasswordTokensTable;
  setup_tokens: SetupTokensTable;
  client_space_connections: ClientSpaceConnectionsTable;
  signatures: SignaturesTable;
  signature_reminders: SignatureRemindersTable;
  dossiers: DossiersTable;
  exercises: ExercisesTable;
  declarations: DeclarationsTable;
  sendings: SendingsTable;
  transmissions: TransmissionsTable;
  transmission_events: TransmissionEventsTable;
  partner_poll_cursors: PartnerPollCursorsTable;
  leases: LeasesTable;
  audit_events: Omit<AuditEventsTable, 'seq'> & { seq: Generated<number> };
}
