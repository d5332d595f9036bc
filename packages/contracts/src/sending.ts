import { z } from 'zod';
import { passwordField } from './fields';
import { depositErrorSchema } from './deposits';
import { pageOf } from './pages';

// Sending (issue #7): a batch of "prête" declarations signed with one signature password,
// queued as transmissions, delivered by a worker, then followed until the DGFiP's answer.

/**
 * Status of one transmission (and of its declaration while it is the latest one).
 * `queued`: signed bytes and row committed, waiting for the worker. `transmitted`: the
 * partner's signed receipt was checked. `deposited`: the partner handed it to the DGFiP.
 * Final: `accepted`, `partially_rejected`, `rejected`, `syntax_rejected` (CONTRL),
 * `partner_refused` (refused at the partner's checks 1–2: unreadable, seal),
 * `delivery_failed` (retries ran out; "Relancer" queues it again with the same bytes).
 */
export const transmissionStatuses = [
  'queued',
  'transmitted',
  'deposited',
  'accepted',
  'partially_rejected',
  'rejected',
  'syntax_rejected',
  'partner_refused',
  'delivery_failed',
] as const;
export type TransmissionStatus = (typeof transmissionStatuses)[number];

export const transmissionStatusLabels: Record<TransmissionStatus, string> = {
  queued: 'En file d’envoi',
  transmitted: 'Transmise',
  deposited: 'Déposée à la DGFiP',
  accepted: 'Acceptée',
  partially_rejected: 'Rejet partiel',
  rejected: 'Rejetée',
  syntax_rejected: 'Rejet syntaxique (CONTRL)',
  partner_refused: 'Refusée par le partenaire',
  delivery_failed: 'Échec d’envoi',
};

/** Statuses after which nothing more happens to a transmission by itself. */
export const finalTransmissionStatuses: readonly TransmissionStatus[] = transmissionStatuses.filter(
  (status) => status !== 'queued' && status !== 'transmitted' && status !== 'deposited',
);

/** Most declarations one "Envoyer" signs (one request's work: 1,000 CMS signatures). */
export const MAX_SENDING_DECLARATIONS = 1000;

/** `POST /api/sendings`: declarations to sign and queue, the signature, its password (once). */
export const createSendingRequest = z.object({
  declarationIds: z
    .array(z.uuid({ error: 'Déclaration inconnue.' }), {
      error: 'Choisissez au moins une déclaration.',
    })
    .min(1, 'Choisissez au moins une déclaration.')
    .max(MAX_SENDING_DECLARATIONS, 'Trop de déclarations à la fois (1 000 au plus).'),
  signatureId: z.uuid({ error: 'Choisissez une signature.' }),
  password: passwordField,
});
export type CreateSendingRequest = z.input<typeof createSendingRequest>;

/** Progress of a batch, counted from its transmissions (what the progress bar shows). */
export const sendingProgressSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  total: z.number(),
  /** Signed and queued, not yet acknowledged by the partner. */
  queued: z.number(),
  /** Partner receipt checked (includes those further along). */
  transmitted: z.number(),
  /** Reached a final status. */
  finished: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  failed: z.number(),
  /** Every transmission is final. */
  done: z.boolean(),
});
export type SendingProgress = z.infer<typeof sendingProgressSchema>;

/** `202` answer of `POST /api/sendings`: the batch, already signed and committed. */
export const sendingCreatedSchema = z.object({
  sending: sendingProgressSchema,
  transmissionIds: z.array(z.string()),
});

export const transmissionEventSchema = z.object({
  status: z.enum(transmissionStatuses),
  at: z.string(),
  /** French detail (the last error of a failed attempt, the partner's refusal…). */
  detail: z.string().nullable(),
});

/** A transmission of a declaration: what the declaration page's timeline shows. */
export const transmissionSchema = z.object({
  id: z.string(),
  declarationId: z.string(),
  sendingId: z.string(),
  status: z.enum(transmissionStatuses),
  createdAt: z.string(),
  updatedAt: z.string(),
  sender: z.object({ id: z.string(), name: z.string() }),
  signatureSerial: z.string(),
  testMode: z.boolean(),
  bodySha256: z.string(),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  receipt: z
    .object({ depositId: z.string(), receivedAt: z.string(), bodySha256: z.string() })
    .nullable(),
  history: z.array(transmissionEventSchema),
  /** The CONTRL / CR error lines, readable (form, cell, label, message). */
  errors: z.array(depositErrorSchema),
  hasContrl: z.boolean(),
  hasCr: z.boolean(),
});
export type Transmission = z.infer<typeof transmissionSchema>;

/** `GET /api/declarations/:id/transmissions`: a page of them, newest first. */
export const transmissionPageSchema = pageOf(transmissionSchema);
export type TransmissionPage = z.infer<typeof transmissionPageSchema>;

/** `PUT /api/me/notifications`: email me when a declaration I sent is accepted or rejected. */
export const notificationSettingsSchema = z.object({
  sendingResults: z.boolean({ error: 'Choix invalide.' }),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** The files kept for a transmission: what was sent, the receipt, the CONTRL, the CR. */
export const transmissionFileKinds = ['signed', 'receipt', 'contrl', 'cr'] as const;
export type TransmissionFileKind = (typeof transmissionFileKinds)[number];
