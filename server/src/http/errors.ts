import { errorBody, errorCatalog, type ErrorCode } from '@luot/shared';
import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError } from '../domain/errors.ts';

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_RATE_LIMIT: 'TOO_MANY_ATTEMPTS',
};

/** Every error leaves as { statusCode, code, message: { vi, en } }; stack traces stay in the log. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    let code: ErrorCode;
    let details: string[] | undefined;
    if (error instanceof DomainError) {
      code = error.code;
    } else if (error.validation) {
      code = 'VALIDATION_FAILED';
      details = error.validation.map((v) => `${error.validationContext ?? ''}${v.instancePath} ${v.message ?? ''}`.trim());
    } else if (error.code && fastifyCodes[error.code]) {
      code = fastifyCodes[error.code] ?? 'BAD_REQUEST';
    } else if (error.statusCode === 429) {
      code = 'TOO_MANY_ATTEMPTS';
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      code = 'BAD_REQUEST';
    } else {
      request.log.error({ err: error }, 'unhandled error');
      code = 'INTERNAL';
    }
    const body = errorBody(code, details);
    void reply.status(errorCatalog[code].status).send(body);
  });

  app.setNotFoundHandler((_request, reply) => {
    void reply.status(404).send(errorBody('NOT_FOUND'));
  });
}
