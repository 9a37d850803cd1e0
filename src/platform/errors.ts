// Errors as values with a stable code, rendered as RFC 9457 problem details.

/** Stable machine-readable error codes shared with the web app. */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'invalid_json'
  | 'invalid_utf8'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'rate_limited'
  | 'csrf_failed'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'setup_closed'
  | 'invite_invalid'
  | 'password_too_weak'
  | 'wrong_password'
  | 'database_unavailable'
  | 'nda_required'
  | 'second_factor_required'
  | 'invalid_second_factor'
  | 'legal_hold'
  | 'unprocessable_file'
  | 'query_too_long'
  | 'internal';

const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  invalid_utf8: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  too_many_attempts: 429,
  rate_limited: 429,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  setup_closed: 409,
  invite_invalid: 404,
  password_too_weak: 400,
  wrong_password: 400,
  database_unavailable: 503,
  // A guest who has not accepted their organisation's NDA text (the web app shows it).
  nda_required: 403,
  // Signed in with a password, the second factor still to give (or to set up, where required).
  second_factor_required: 403,
  invalid_second_factor: 400,
  // Deletion refused: a legal hold covers the document or its crisis.
  legal_hold: 409,
  // A file that is what it claims but cannot be accepted (zip bomb, corrupt DOCX, encrypted PDF …).
  unprocessable_file: 422,
  query_too_long: 400,
  internal: 500,
};

/** A field-level problem, as in a validation failure. */
export type FieldError = {
  path: string;
  message: string;
  /** Stable reason for translation: zod's issue code (too_small, invalid_format…) or ours (already_in_use…). */
  code: string;
  /** The bound for too_small / too_big. */
  limit?: number;
};

/** An expected failure: carries an HTTP status, a stable code and a human message. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors?: FieldError[];
  readonly retryAfterSeconds?: number;
  constructor(code: ErrorCode, message: string, extra: { errors?: FieldError[]; retryAfterSeconds?: number } = {}) {
    super(message);
    this.code = code;
    this.status = statusOf[code];
    this.errors = extra.errors;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

/** RFC 9457 body. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
};

/** Renders an AppError as problem details. */
export function toProblem(err: AppError, instance?: string): Problem {
  return {
    type: `https://firebreak.dev/problems/${err.code.replaceAll('_', '-')}`,
    title: err.code.replaceAll('_', ' '),
    status: err.status,
    code: err.code,
    detail: err.message,
    instance,
    ...(err.errors ? { errors: err.errors } : {}),
  };
}

export const notFound = (what = 'Not found') => new AppError('not_found', what);
export const forbidden = () => new AppError('forbidden', 'You do not have permission to do this.');
