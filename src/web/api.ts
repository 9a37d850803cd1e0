// The HTTP client for /api: JSON in and out, CSRF headers, RFC 9457 problems as ApiError.
import type { ErrorCode, FieldError, Problem } from '../platform/errors.ts';

/** What a failed call carries: the server's code, or `network` when it could not be reached. */
export type ApiErrorCode = ErrorCode | 'network' | 'unknown';

/** A failed API call, with the problem details the server sent. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fieldErrors: FieldError[];
  constructor(status: number, code: ApiErrorCode, detail: string, fieldErrors: FieldError[] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembers the session's CSRF token for state-changing requests (null after sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Sets what happens when any call finds the session gone (the app goes to /login). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** Per-call options. */
export type ApiOptions = {
  /** Do not run the global "session gone" handler on 401 (the caller handles it). */
  quiet401?: boolean;
  signal?: AbortSignal;
};

const STATE_CHANGING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

function toProblem(status: number, body: unknown): ApiError {
  const p = (body ?? {}) as Partial<Problem>;
  const code = typeof p.code === 'string' ? (p.code as ErrorCode) : 'unknown';
  const errors = Array.isArray(p.errors) ? p.errors.filter((e) => typeof e?.path === 'string' && typeof e?.message === 'string') : [];
  return new ApiError(status, code, typeof p.detail === 'string' ? p.detail : `HTTP ${status}`, errors);
}

/** Calls the API and returns the parsed JSON (undefined for 204); throws ApiError on failure. */
export async function api<T>(method: string, path: string, body?: unknown, options: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-requested-with': 'firebreak' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (STATE_CHANGING.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'network error');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const error = toProblem(res.status, data);
    // A session that still owes its second factor goes back to the sign-in page, which asks for it.
    if (!options.quiet401 && ((res.status === 401 && error.code === 'unauthenticated') || error.code === 'second_factor_required'))
      onUnauthenticated?.();
    throw error;
  }
  return data as T;
}
