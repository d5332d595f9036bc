import type { PortalUser, SessionUser } from '@passerelle/contracts';
import type { PortalUserRow } from './portal-users.repository';

/** The API view of a personal portal user (never a secret). */
export function toPortalUserView(row: PortalUserRow): PortalUser {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    status: row.status,
    invitedAt: row.invited_at,
    invitationExpiresAt: row.status === 'invited' ? row.invitation_expires_at : null,
    activatedAt: row.activated_at,
    revokedAt: row.revoked_at,
  };
}

/** Who signed in, as the session answer says it: null for the account's administrator. */
export function toSessionUser(row: PortalUserRow | undefined): SessionUser {
  if (!row) return null;
  return { id: row.id, email: row.email, firstName: row.first_name, lastName: row.last_name };
}
