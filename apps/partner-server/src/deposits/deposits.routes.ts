import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_DEPOSIT_BYTES, idempotencyKeyField, partnerApi } from '@passerelle/contracts';
import { AppError } from '@passerelle/server-kit';
import type { PartnerRoutes } from '../api-routes';
import type { PartnerContext } from '../context';
import { requireBearer } from '../sessions/bearer';
import type { PartnerCaller } from '../sessions/sessions.service';
import { receiveDeposit } from './deposit-intake.service';
import { countRefusal } from './deposits.repository';
import { depositPolicy, getDeposit, listDeposits } from './deposits.service';

/** The deposit body's media type: a CMS SignedData in DER (RFC 8551). */
export const DEPOSIT_MEDIA_TYPE = 'application/pkcs7-mime';

const endpoints = partnerApi.deposits;

const TOO_LARGE = `Contrôle de lisibilité : le dépôt dépasse ${MAX_DEPOSIT_BYTES / 1024 / 1024} Mio.`;

/** The Idempotency-Key header: 400 IDEMPOTENCY_KEY_MISSING without it, VALIDATION_ERROR if malformed. */
function idempotencyKeyOf(request: FastifyRequest): string {
  const header = request.headers['idempotency-key'];
  if (header === undefined || header === '') {
    throw new AppError('IDEMPOTENCY_KEY_MISSING', 'En-tête Idempotency-Key obligatoire.');
  }
  const result = idempotencyKeyField.safeParse(header);
  if (!result.success) {
    throw new AppError(
      'VALIDATION_ERROR',
      result.error.issues[0]?.message ?? 'En-tête Idempotency-Key invalide.',
      { field: 'Idempotency-Key' },
    );
  }
  return result.data;
}

/** The refusal code of an error a deposit request ended with, when it is a deposit refusal. */
function refusalCode(error: FastifyError | AppError): string | undefined {
  if (error instanceof AppError) {
    return error.code.startsWith('DEPOSIT_') ||
      error.code.startsWith('IDEMPOTENCY_') ||
      error.code === 'PAYLOAD_TOO_LARGE'
      ? error.code
      : undefined;
  }
  return error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'PAYLOAD_TOO_LARGE' : undefined;
}

/**
 * `POST /api/v1/deposits` in its own scope, where `application/pkcs7-mime` bodies are read as
 * bytes up to MAX_DEPOSIT_BYTES (413 beyond). The caller and the Idempotency-Key are checked on
 * request, before a byte of the body is read.
 */
async function registerDepositIntake(app: FastifyInstance, ctx: PartnerContext) {
  const callers = new WeakMap<FastifyRequest, PartnerCaller>();
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      DEPOSIT_MEDIA_TYPE,
      { parseAs: 'buffer', bodyLimit: MAX_DEPOSIT_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.route({
      method: endpoints.deposit.method,
      url: endpoints.deposit.path,
      bodyLimit: MAX_DEPOSIT_BYTES,
      onRequest: async (request) => {
        callers.set(request, await requireBearer(ctx, request));
        idempotencyKeyOf(request);
        if (Number(request.headers['content-length'] ?? 0) > MAX_DEPOSIT_BYTES)
          throw new AppError('PAYLOAD_TOO_LARGE', TOO_LARGE);
      },
      // Refused deposits keep no body: a log line and a count per account and code.
      onError: async (request, _reply, error) => {
        const caller = callers.get(request);
        const code = refusalCode(error);
        if (!caller || !code) return;
        request.log.warn(
          { accountId: caller.account.id, code, bytes: request.headers['content-length'] },
          'deposit refused',
        );
        await countRefusal(ctx.db, caller.account.id, code, ctx.now().toISOString());
      },
      handler: async (request, reply) => {
        const caller = callers.get(request);
        if (!caller) throw new AppError('UNAUTHENTICATED', 'Authentification requise.');
        if (!Buffer.isBuffer(request.body)) {
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            `Envoyez le dépôt signé en ${DEPOSIT_MEDIA_TYPE} (CMS SignedData, DER).`,
          );
        }
        const key = idempotencyKeyOf(request);
        return reply.code(202).send(await receiveDeposit(ctx, caller.account, key, request.body));
      },
    });
  });
}

/** API v1: deposit intake, one deposit, the list by change, and the deposit policy. */
export async function registerDepositsRoutes({ app, ctx, route }: PartnerRoutes) {
  await registerDepositIntake(app, ctx);

  route(endpoints.list, async ({ caller, query }) => listDeposits(ctx, caller.account, query));
  route(endpoints.get, async ({ caller, params }) => ({
    deposit: await getDeposit(ctx, caller.account, params.id),
  }));
  route(endpoints.policy, async () => depositPolicy(ctx));
}
