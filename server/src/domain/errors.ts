import type { ErrorCode } from '@luot/shared';

/** A refusal by the engine; the HTTP layer maps the code to a status and a bilingual message. */
export class DomainError extends Error {
  constructor(readonly code: ErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'DomainError';
  }
}
