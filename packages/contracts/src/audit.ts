import { z } from 'zod';
import { pageOf, pageQuery } from './pages';

export const auditActions = [
  'setup.completed',
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'user.created',
  'user.activated',
  'user.deactivated',
  'user.password_changed',
  'user.password_change_failed',
  'user.password_reset_link_created',
  'client_space.connected',
  'client_space.connect_failed',
  'client_space.disconnected',
  'client_space.session_lost',
  'signature.created',
  'signature.creation_failed',
  'signature.revoked',
  'signature.password_changed',
  'signature.exported',
  'signature.wrong_password',
  'signature.locked',
  'signature.expiry_reminder_sent',
  'dossier.created',
  'dossier.updated',
  'exercise.created',
  'firm.test_mode_changed',
  'firm.siret_changed',
  'declaration.created',
  'declaration.imported',
  'declaration.status_changed',
  'declarations.sent',
  'transmission.refused',
  'transmission.failed',
  'transmission.retried',
  'campaign.installed',
] as const;
/** What an audit event records. Later issues append actions; none is ever removed. */
export type AuditAction = (typeof auditActions)[number];

/** One audit event as the administrator reads it. */
export const auditEventSchema = z.object({
  seq: z.number(),
  at: z.string(),
  action: z.string(),
  actor: z.object({ id: z.string(), email: z.string() }).nullable(),
  target: z.object({ id: z.string(), email: z.string() }).nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** `GET /api/audit-events?limit=&cursor=`: newest first, paged by `seq`. */
export const auditQuery = pageQuery;
export type AuditQuery = z.input<typeof auditQuery>;

export const auditPage = pageOf(auditEventSchema);
export type AuditPage = z.infer<typeof auditPage>;
