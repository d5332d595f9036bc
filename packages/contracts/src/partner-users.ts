import { z } from 'zod';
import {
  emailField,
  newPasswordFields,
  personNameField,
  withCertificateHolderName,
} from './fields';
import { pageOf, pageQuery } from './pages';

// Personal portal users of a client account on the reference EDI partner (issue #13 item 5):
// the account's administrator invites people by email; each chooses their own password and
// connects the declarant with it; revoking one person ends only that person's access.

/** Most personal users (invited, active or revoked) one client account holds. */
export const MAX_PORTAL_USERS_PER_ACCOUNT = 200;
/** Most invitations one client account sends per hour (a new one to a pending address counts). */
export const MAX_PORTAL_INVITATIONS_PER_HOUR = 20;
/** How long an invitation link stays usable. */
export const PORTAL_INVITATION_HOURS = 72;

/** A personal user's state: invited (link not used yet), active, or revoked for good. */
export const portalUserStatuses = ['invited', 'active', 'revoked'] as const;
export type PortalUserStatus = (typeof portalUserStatuses)[number];

/** A personal portal user as the API shows it (never a secret). */
export const portalUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  status: z.enum(portalUserStatuses),
  invitedAt: z.string(),
  /** The pending invitation's end; null once accepted or revoked. */
  invitationExpiresAt: z.string().nullable(),
  activatedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type PortalUser = z.infer<typeof portalUserSchema>;

/** Invitation of a person by the account's administrator (API and the portal's form). */
export const invitePortalUserRequest = withCertificateHolderName(
  z.object({
    email: emailField,
    firstName: personNameField('Prénom'),
    lastName: personNameField('Nom'),
  }),
);
export type InvitePortalUserRequest = z.input<typeof invitePortalUserRequest>;

/** The invitation link's token and the password the person chooses. */
export const acceptPortalInvitationRequest = z
  .object({
    token: z
      .string({ error: 'Lien d’invitation invalide.' })
      .min(1, 'Lien d’invitation invalide.')
      .max(200, 'Lien d’invitation invalide.'),
  })
  .and(newPasswordFields);
export type AcceptPortalInvitationRequest = z.input<typeof acceptPortalInvitationRequest>;

/** `{user}`: the answer of an invitation, an acceptance and a revocation. */
export const portalUserAnswerSchema = z.object({ user: portalUserSchema });
export type PortalUserAnswer = z.infer<typeof portalUserAnswerSchema>;

export const listPortalUsersQuery = pageQuery;
export const portalUserPageSchema = pageOf(portalUserSchema);
export type PortalUserPage = z.infer<typeof portalUserPageSchema>;

/** Path parameter of one personal user. */
export const portalUserParams = z.object({
  id: z.uuid({ error: 'Utilisateur introuvable.' }),
});

/** Who signed in, on the answer of `POST /api/v1/sessions`: null for the account's administrator. */
export const sessionUserSchema = z
  .object({ id: z.string(), email: z.string(), firstName: z.string(), lastName: z.string() })
  .nullable();
export type SessionUser = z.infer<typeof sessionUserSchema>;
