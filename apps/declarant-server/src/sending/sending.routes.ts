import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createSendingRequest,
  listTransmissionsQuery,
  notificationSettingsSchema,
} from '@passerelle/contracts';
import { parseInput } from '@passerelle/server-kit';
import type { SessionGuard } from '../auth/session-guard';
import type { AppContext } from '../context';
import { updateNotifySendingResults } from '../users/users.repository';
import { sendDeclarations } from './send-batch.service';
import {
  declarationTransmissions,
  retryTransmission,
  sendingProgress,
  transmissionFile,
  transmissionFiles,
} from './tracking.service';

const idParams = z.object({ id: z.uuid({ error: 'Élément introuvable.' }) });
const fileParams = idParams.extend({
  file: z.enum(transmissionFiles, { error: 'Fichier inconnu.' }),
});

/** "Envoyer", the progress of a batch, the declaration's timeline, files, "Relancer". */
export function registerSendingRoutes(app: FastifyInstance, ctx: AppContext, guard: SessionGuard) {
  app.post('/api/sendings', { bodyLimit: 256 * 1024 }, async (request, reply) => {
    const caller = await guard.requireUser(request);
    const input = parseInput(createSendingRequest, request.body);
    const { sendingId, transmissionIds } = await sendDeclarations(ctx, caller, input, request.ip);
    return reply
      .code(202)
      .send({ sending: await sendingProgress(ctx, sendingId), transmissionIds });
  });

  app.get('/api/sendings/:id', async (request) => {
    await guard.requireUser(request);
    const { id } = parseInput(idParams, request.params);
    return { sending: await sendingProgress(ctx, id) };
  });

  app.get('/api/declarations/:id/transmissions', async (request) => {
    await guard.requireUser(request);
    const { id } = parseInput(idParams, request.params);
    return declarationTransmissions(ctx, id, parseInput(listTransmissionsQuery, request.query));
  });

  app.get('/api/transmissions/:id/files/:file', async (request, reply) => {
    await guard.requireUser(request);
    const { id, file } = parseInput(fileParams, request.params);
    const { filename, type, bytes } = await transmissionFile(ctx, id, file);
    return reply
      .type(type)
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(bytes);
  });

  app.post('/api/transmissions/:id/retry', async (request) => {
    const caller = await guard.requireUser(request);
    const { id } = parseInput(idParams, request.params);
    return { transmission: await retryTransmission(ctx, caller, id, request.ip) };
  });

  app.get('/api/me/notifications', async (request) => {
    const caller = await guard.requireUser(request);
    return { sendingResults: Number(caller.user.notify_sending_results) === 1 };
  });

  app.put('/api/me/notifications', async (request) => {
    const caller = await guard.requireUser(request);
    const input = parseInput(notificationSettingsSchema, request.body);
    await updateNotifySendingResults(ctx.db, caller.user.id, input.sendingResults);
    return input;
  });
}
