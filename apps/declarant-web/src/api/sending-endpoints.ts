// One typed function per endpoint of sending (issue #7): batches, transmissions, their files,
// the sender's notification setting, and the list of every declaration across dossiers.
import {
  declarationPageSchema,
  notificationSettingsSchema,
  sendingCreatedSchema,
  sendingProgressSchema,
  transmissionPageSchema,
  transmissionSchema,
} from '@passerelle/contracts';
import type {
  CreateSendingRequest,
  DeclarationPage,
  ListDeclarationsQuery,
  NotificationSettings,
  SendingProgress,
  Transmission,
} from '@passerelle/contracts';
import { z } from 'zod';
import { request, requestFile } from './client';
import type { ApiFile } from './client';
import { withQuery } from './query-string';

const sendingResponse = z.object({ sending: sendingProgressSchema });
const transmissionResponse = z.object({ transmission: transmissionSchema });

/** GET /api/declarations: one page of the firm's declarations across dossiers, newest first. */
export async function listAllDeclarations(
  query: ListDeclarationsQuery = {},
): Promise<DeclarationPage> {
  return request('GET', withQuery('/api/declarations', query), { schema: declarationPageSchema });
}

/** POST /api/sendings: signs the declarations with one password and queues them (202). */
export async function createSending(
  body: CreateSendingRequest,
): Promise<z.output<typeof sendingCreatedSchema>> {
  return request('POST', '/api/sendings', { body, schema: sendingCreatedSchema });
}

/** GET /api/sendings/:id: the batch's counts, what the progress bar shows. */
export async function getSending(id: string): Promise<SendingProgress> {
  const path = `/api/sendings/${encodeURIComponent(id)}`;
  const answer = await request('GET', path, { schema: sendingResponse });
  return answer.sending;
}

/**
 * GET /api/declarations/:id/transmissions: the declaration's transmissions, newest first — the
 * first page, which holds them all in practice (a new one only after a refusal and a fix).
 */
export async function listTransmissions(declarationId: string): Promise<Transmission[]> {
  const path = `/api/declarations/${encodeURIComponent(declarationId)}/transmissions`;
  const answer = await request('GET', path, { schema: transmissionPageSchema });
  return answer.items;
}

const transmissionPath = (id: string) => `/api/transmissions/${encodeURIComponent(id)}`;

/** POST /api/transmissions/:id/retry: "Relancer" a transmission in "Échec d'envoi". */
export async function retryTransmission(id: string): Promise<Transmission> {
  const path = `${transmissionPath(id)}/retry`;
  const answer = await request('POST', path, { schema: transmissionResponse });
  return answer.transmission;
}

/** The files kept for a transmission. */
export type TransmissionFileKind = 'signed' | 'receipt' | 'contrl' | 'cr';

const fileTypes: Record<TransmissionFileKind, { accept: string; fallbackName: string }> = {
  signed: { accept: 'application/pkcs7-mime', fallbackName: 'declaration.p7m' },
  receipt: { accept: 'application/pkcs7-mime', fallbackName: 'accuse-reception.p7m' },
  contrl: { accept: 'application/edifact, text/plain', fallbackName: 'contrl.edi' },
  cr: { accept: 'application/edifact, text/plain', fallbackName: 'compte-rendu.edi' },
};

/** GET /api/transmissions/:id/files/:kind: the signed file, the receipt, the CONTRL or the CR. */
export async function downloadTransmissionFile(
  id: string,
  kind: TransmissionFileKind,
): Promise<ApiFile> {
  return requestFile('GET', `${transmissionPath(id)}/files/${kind}`, fileTypes[kind]);
}

/** GET /api/me/notifications: whether the user gets an email with each result. */
export async function getNotificationSettings(): Promise<NotificationSettings> {
  return request('GET', '/api/me/notifications', { schema: notificationSettingsSchema });
}

/** PUT /api/me/notifications: changes that choice. */
export async function saveNotificationSettings(
  body: NotificationSettings,
): Promise<NotificationSettings> {
  return request('PUT', '/api/me/notifications', { body, schema: notificationSettingsSchema });
}
