import type { FastifyServerOptions } from 'fastify';

/**
 * pino for production: JSON lines on stdout, which systemd's journal stores and rotates (journalctl -u luot).
 * Secrets never reach a log line: request headers are not logged, and any property named like a secret is
 * replaced wherever it appears.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password', 'token', '*.token', 'passwordHash', '*.passwordHash', 'pairingCode', '*.pairingCode'],
      censor: '[hidden]',
    },
  };
}
