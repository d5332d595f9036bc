import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorBody } from '@passerelle/contracts';
import { AppError } from '../app-error';

/** Fastify's own refusals of malformed requests, mapped onto our closed code list. */
function fromFastifyError(error: FastifyError): AppError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('INVALID_JSON', 'Le corps de la requête n’est pas un JSON valide.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Envoyez le corps en application/json.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'Requête trop volumineuse.');
    default:
      if (error instanceof SyntaxError) {
        return new AppError('INVALID_JSON', 'Le corps de la requête n’est pas un JSON valide.');
      }
      return undefined;
  }
}

/**
 * One error path for every route: an `AppError` becomes its status and `{code, message,
 * field?}`; Fastify's parse errors are mapped; anything else is logged with its cause and
 * answered as a bare 500 that reveals nothing.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = error instanceof AppError ? error : fromFastifyError(error);
    if (appError) {
      if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
      return reply.code(appError.status).headers(appError.headers).send(appError.toBody());
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      const body: ErrorBody = { code: 'VALIDATION_ERROR', message: 'Requête invalide.' };
      return reply.code(400).send(body);
    }
    request.log.error({ err: error }, 'unexpected error');
    const body: ErrorBody = { code: 'INTERNAL', message: 'Erreur interne. Réessayez plus tard.' };
    return reply.code(500).send(body);
  });
}
