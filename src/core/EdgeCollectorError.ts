/** Why a call failed, in a word a program can branch on. */
export type ErrorCode =
  | 'invalid-config'
  | 'not-configured'
  | 'already-configured'
  | 'unknown-command'
  | 'invalid-options'
  | 'network'
  | 'response'
  | 'queue-full'
  | 'storage';

/** Adobe's problem fields, as the Edge Network and the streaming inlet send them. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  detail?: string;
  report?: unknown;
}

/**
 * The one error the collector rejects with: a clear message, a `code`, and for answers the HTTP
 * `status` and Adobe's problem fields (`type`, `title`, `detail`, `report`).
 */
export class EdgeCollectorError extends Error implements ProblemDetails {
  declare readonly code: ErrorCode;
  status?: number;
  type?: string;
  title?: string;
  detail?: string;
  report?: unknown;
  requestId?: string;

  constructor(
    code: ErrorCode,
    message: string,
    details?: ProblemDetails & { status?: number; requestId?: string },
  ) {
    super(message);
    // One assignment: `name` and `code` as own properties, as before, in fewer bytes.
    Object.assign(this, { name: 'EdgeCollectorError', code }, details);
  }
}
