import { declarantApi } from '@passerelle/contracts';
import type { DeclarantRoutes } from '../http/feature-routes';
import { updateNotifySendingResults } from '../users/users.repository';
import { sendDeclarations } from './send-batch.service';
import {
  declarationTransmissions,
  retryTransmission,
  sendingProgress,
  transmissionFile,
} from './tracking.service';

const api = declarantApi.sending;

/** "Envoyer", the progress of a batch, the declaration's timeline, files, "Relancer". */
export function registerSendingRoutes({ route, ctx }: DeclarantRoutes) {
  route(
    api.send,
    async ({ caller, body, request }) => {
      const { sendingId, transmissionIds } = await sendDeclarations(ctx, caller, body, request.ip);
      return { sending: await sendingProgress(ctx, sendingId), transmissionIds };
    },
    { bodyLimit: 256 * 1024 },
  );

  route(api.progress, async ({ params }) => ({ sending: await sendingProgress(ctx, params.id) }));

  route(api.transmissions, async ({ params, query }) =>
    declarationTransmissions(ctx, params.id, query),
  );

  route(api.file, async ({ params, reply }) => {
    const { filename, type, bytes } = await transmissionFile(ctx, params.id, params.file);
    return reply
      .type(type)
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(bytes);
  });

  route(api.retry, async ({ caller, params, request }) => ({
    transmission: await retryTransmission(ctx, caller, params.id, request.ip),
  }));

  route(api.notifications, async ({ caller }) => ({
    sendingResults: Number(caller.user.notify_sending_results) === 1,
  }));

  route(api.saveNotifications, async ({ caller, body }) => {
    await updateNotifySendingResults(ctx.db, caller.user.id, body.sendingResults);
    return body;
  });
}
