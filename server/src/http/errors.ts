import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { errorBody, errorCatalog, type ErrorCode, type Problem } from '@luot/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { isStorageFull } from '../services/storage-full.ts';
import { DomainError } from '../domain/errors.ts';

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_RATE_LIMIT: 'TOO_MANY_ATTEMPTS',
  FST_ERR_BAD_URL: 'BAD_URL',
  FST_ERR_MAX_PARAM_LENGTH: 'URL_TOO_LONG',
};

/** Errors raised with only a status (plugins such as @fastify/static), by what the status means. */
const statusCodes: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URL_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_ATTEMPTS',
  431: 'HEADERS_TOO_LARGE',
};

/** Seconds a client should wait before trying again, for refusals that pass. */
const retryAfterSeconds: Partial<Record<ErrorCode, number>> = { STORAGE_FULL: 60, SIGN_IN_BUSY: 5, KIOSK_TOO_FAST: 1 };

function codeOf(error: FastifyError | DomainError, request: FastifyRequest): ErrorCode {
  if (error instanceof DomainError) return error.code;
  if (isStorageFull(error)) {
    // One line for the admin, who must free space; the stack would say nothing more.
    request.log.error({ code: error.code, url: request.url }, 'storage full: the request was refused and nothing was saved; free disk space');
    return 'STORAGE_FULL';
  }
  if (error.validation) return 'VALIDATION_FAILED';
  const known = error.code ? fastifyCodes[error.code] : undefined;
  if (known) return known;
  const status = error.statusCode;
  if (status && status >= 400 && status < 500) return statusCodes[status] ?? 'BAD_REQUEST';
  request.log.error({ err: error }, 'unhandled error');
  return 'INTERNAL';
}

function send(reply: FastifyReply, code: ErrorCode, details?: string[], problems?: Problem[]): void {
  const retryAfter = retryAfterSeconds[code];
  if (retryAfter !== undefined && !reply.hasHeader('retry-after')) void reply.header('retry-after', String(retryAfter));
  void reply.status(errorCatalog[code].status).send(errorBody(code, details, problems));
}

/** Every error leaves as { statusCode, code, message: { vi, en } }; stack traces stay in the log. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    const code = codeOf(error, request);
    const details =
      error instanceof DomainError
        ? error.fields
        : error.validation
          ? error.validation.map((v) => `${error.validationContext ?? ''}${v.instancePath} ${v.message ?? ''}`.trim())
          : undefined;
    send(reply, code, details, error instanceof DomainError ? error.problems : undefined);
  });

  app.setNotFoundHandler((_request, reply) => send(reply, 'NOT_FOUND'));
}

/**
 * Errors the router raises before any route or hook runs (a bad percent-encoding, a path parameter too long).
 * Passed to the Fastify constructor, since they never reach the error handler.
 */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (error, _request, reply) => {
  send(reply, fastifyCodes[error.code] ?? 'BAD_REQUEST');
};

/**
 * A request Node's HTTP parser could not read at all: answered on the raw socket, still in the catalog shape.
 * Resets need no answer; everything else gets one line and the connection is closed, as Node itself does.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT' : error.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'BAD_REQUEST';
  const body = JSON.stringify(errorBody(code));
  const status = errorCatalog[code].status;
  if (!socket.writable) return void socket.destroy();
  const head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close`;
  // Ended, not destroyed at once, so the answer is flushed before the connection goes.
  socket.end(`${head}\r\n\r\n${body}`, () => socket.destroy());
}
