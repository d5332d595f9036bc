import { z } from 'zod';
import { emailField } from './fields';

/** Why a user's client-space connection is not usable right now. */
export const clientSpaceReasons = [
  'not_connected',
  'session_revoked',
  'partner_unreachable',
] as const;

/** `GET /api/me/client-space`: the "Espace client" section and the status probe of later issues. */
export const clientSpaceStatusSchema = z.object({
  connected: z.boolean(),
  /** The portal email of the connection, when one is stored. */
  email: z.string().nullable(),
  connectedAt: z.string().nullable(),
  /** Set when not usable: no connection, revoked/expired on the portal, partner unreachable. */
  reason: z.enum(clientSpaceReasons).nullable(),
  /** The partner's portal, for "Accéder à l'espace client". */
  portalUrl: z.string(),
});
export type ClientSpaceStatus = z.infer<typeof clientSpaceStatusSchema>;

/** `POST /api/me/client-space`: the portal credentials, exchanged at once for tokens. */
export const connectClientSpaceRequest = z.object({
  email: emailField,
  password: z
    .string({ error: 'Mot de passe obligatoire.' })
    .min(1, 'Mot de passe obligatoire.')
    .max(128, 'Mot de passe trop long (128 caractères au plus).'),
});
export type ConnectClientSpaceRequest = z.input<typeof connectClientSpaceRequest>;
