import { declarantApi } from '@passerelle/contracts';
import type { DeclarantRoutes } from '../http/feature-routes';
import { createSignature } from './create-signature.service';
import {
  changeSignaturePassword,
  exportSignature,
  revokeSignature,
  signatureOptions,
  signaturePage,
} from './signature-actions.service';

const api = declarantApi.signatures;

/** "Signatures" of "Compte utilisateur", and the administrator's view of the firm's. */
export function registerSignaturesRoutes({ route, ctx }: DeclarantRoutes) {
  route(api.mine, async ({ caller, query }) => signaturePage(ctx, caller.user.id, query));

  route(api.options, async ({ caller }) => signatureOptions(ctx, caller.user.id));

  route(api.create, async ({ caller, body, request }) => ({
    signature: await createSignature(ctx, caller, body, request.ip),
  }));

  route(api.firm, async ({ query }) => signaturePage(ctx, undefined, query));

  route(api.revoke, async ({ caller, params, body, request }) => ({
    signature: await revokeSignature(ctx, caller, params.id, body, request.ip),
  }));

  route(api.changePassword, async ({ caller, params, body, request }) => {
    await changeSignaturePassword(ctx, caller, params.id, body, request.ip);
    return undefined;
  });

  route(api.export, async ({ caller, params, body, request, reply }) => {
    const { filename, der } = await exportSignature(ctx, caller, params.id, body, request.ip);
    return reply
      .type('application/x-pkcs12')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store')
      .send(der);
  });
}
