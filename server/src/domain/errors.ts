import type { ErrorCode, Problem } from '@luot/shared';

/** A refusal by the engine; the HTTP layer maps the code to a status and a bilingual message. */
export class DomainError extends Error {
  /** `fields` names the request properties at fault (`body/uri`), so a form can mark the very input. */
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly fields?: string[],
    /** Set-up and configuration files: every bad entry at once, so the whole file can be corrected in one go. */
    readonly problems?: Problem[],
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'DomainError';
  }
}
