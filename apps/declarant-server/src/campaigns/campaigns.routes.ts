import { MAX_PACK_UPLOAD_BYTES, PACK_ARCHIVE_TYPES, declarantApi } from '@passerelle/contracts';
import { AppError, routeRegistrar } from '@passerelle/server-kit';
import type { DeclarantRoutes } from '../http/feature-routes';
import { campaignPage, installCampaign } from './campaigns.service';

const api = declarantApi.campaigns;

/** The upload, read up to MAX_PACK_UPLOAD_BYTES (413 in French beyond). */
async function readBounded(source: AsyncIterable<Buffer>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > MAX_PACK_UPLOAD_BYTES) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `Pack refusé, rien n’est installé : l’archive dépasse ${MAX_PACK_UPLOAD_BYTES / 1024 / 1024} Mo.`,
      );
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Campaign packs: list and installation, administrators only. */
export function registerCampaignsRoutes({ app, ctx, guard, route }: DeclarantRoutes) {
  route(api.list, async ({ query }) => campaignPage(ctx, query));
  void app.register(async (scope) => {
    // The archive is handed over as a stream; the JSON-only rule stays for every other route.
    scope.addContentTypeParser([...PACK_ARCHIVE_TYPES], (_request, payload, done) =>
      done(null, payload),
    );
    routeRegistrar(scope, guard.authorize)(api.install, async ({ caller, request }) => {
      const bytes = await readBounded(request.body as AsyncIterable<Buffer>);
      return { pack: await installCampaign(ctx, caller, bytes, request.ip) };
    });
  });
}
