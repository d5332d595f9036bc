import { z } from 'zod';
import { certificateHolderSchema } from './fields';
import { pageOf } from './pages';

export const roles = ['administrator', 'collaborator'] as const;
/** What a user may do: administrators also manage users and read the audit log. */
export type Role = (typeof roles)[number];
export const userStatuses = ['active', 'inactive'] as const;
/** Inactive users can neither sign in nor do anything with an existing session. */
export type UserStatus = (typeof userStatuses)[number];

/** A user as the API shows it (never any secret). */
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: z.enum(roles),
  status: z.enum(userStatuses),
  hasPassword: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

/** `GET /api/users` (administrator): a page of users by last name, first name. */
export const userPageSchema = pageOf(userSchema);
export type UserPage = z.infer<typeof userPageSchema>;

/** The signed-in user, with their firm. */
export const currentUserSchema = userSchema.extend({
  firm: z.object({ id: z.string(), name: z.string() }),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

/** `POST /api/users` (administrator). */
export const createUserRequest = certificateHolderSchema(
  { firstName: 'Prénom', lastName: 'Nom' },
  { role: z.enum(roles, { error: 'Rôle invalide : administrateur ou collaborateur.' }) },
);
export type CreateUserRequest = z.input<typeof createUserRequest>;

/** `PATCH /api/users/:id/status` (administrator). */
export const setUserStatusRequest = z.object({
  status: z.enum(userStatuses, { error: 'Statut invalide : actif ou inactif.' }),
});
export type SetUserStatusRequest = z.input<typeof setUserStatusRequest>;

/** A one-time link to choose a password (invitation or reset), shown once to the administrator. */
export const passwordLinkSchema = z.object({ url: z.string(), expiresAt: z.string() });
export type PasswordLink = z.infer<typeof passwordLinkSchema>;

/** Answer of `POST /api/users`: the user and their invitation link. */
export const createUserResponse = z.object({ user: userSchema, link: passwordLinkSchema });
export type CreateUserResponse = z.infer<typeof createUserResponse>;
