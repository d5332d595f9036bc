// One typed function per endpoint of sending (issue #7): batches, transmissions, their files,
// the sender's notification setting, and the list of every declaration across dossiers.
import { declarantApi } from '@passerelle/contracts';
import type {
  CreateSendingRequest,
  DeclarationPage,
  EndpointResponse,
  ListDeclarationsQuery,
  NotificationSettings,
  SendingProgress,
  Transmission,
  TransmissionFileKind,
} from '@passerelle/contracts';
import { call, callFile } from './client';
import type { ApiFile } from './client';

const { sending } = declarantApi;

export type { TransmissionFileKind };

/** GET /api/declarations: one page of the firm's declarations across dossiers, newest first. */
export async function listAllDeclarations(
  query: ListDeclarationsQuery = {},
): Promise<DeclarationPage> {
  return call(declarantApi.declarations.list, { query });
}

/** POST /api/sendings: signs the declarations with one password and queues them (202). */
export async function createSending(
  body: CreateSendingRequest,
): Promise<EndpointResponse<typeof sending.send>> {
  return call(sending.send, { body });
}

/** GET /api/sendings/:id: the batch's counts, what the progress bar shows. */
export async function getSending(id: string): Promise<SendingProgress> {
  return (await call(sending.progress, { params: { id } })).sending;
}

/**
 * GET /api/declarations/:id/transmissions: the declaration's transmissions, newest first — the
 * first page, which holds them all in practice (a new one only after a refusal and a fix).
 */
export async function listTransmissions(declarationId: string): Promise<Transmission[]> {
  return (await call(sending.transmissions, { params: { id: declarationId } })).items;
}

/** POST /api/transmissions/:id/retry: "Relancer" a transmission in "Échec d'envoi". */
export async function retryTransmission(id: string): Promise<Transmission> {
  return (await call(sending.retry, { params: { id } })).transmission;
}

const fallbackNames: Record<TransmissionFileKind, string> = {
  signed: 'declaration.p7m',
  receipt: 'accuse-reception.p7m',
  contrl: 'contrl.edi',
  cr: 'compte-rendu.edi',
};

/** GET /api/transmissions/:id/files/:kind: the signed file, the receipt, the CONTRL or the CR. */
export async function downloadTransmissionFile(
  id: string,
  kind: TransmissionFileKind,
): Promise<ApiFile> {
  return callFile(sending.file, fallbackNames[kind], { params: { id, file: kind } });
}

/** GET /api/me/notifications: whether the user gets an email with each result. */
export async function getNotificationSettings(): Promise<NotificationSettings> {
  return call(sending.notifications);
}

/** PUT /api/me/notifications: changes that choice. */
export async function saveNotificationSettings(
  body: NotificationSettings,
): Promise<NotificationSettings> {
  return call(sending.saveNotifications, { body });
}
