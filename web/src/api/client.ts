// The one way the web app talks to the careops JSON API.
// Contract: resolves with the parsed JSON body of a 2xx response (undefined for 204);
// otherwise rejects with an ApiError. An aborted request rejects with the fetch
// AbortError unchanged, so callers can tell it apart and ignore it.
//
// Authentication rides on the server's HttpOnly session cookie (credentials: same-origin);
// the app never sees or stores a token. Unsafe methods echo the readable `careops_csrf`
// cookie in `X-CSRF-Token`, which the server requires with cookie authentication.

import type { ErrorBody, Problem } from './types';

export type SendMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const kCsrfCookie = 'careops_csrf';
const kCsrfHeader = 'X-CSRF-Token';

/** Codes produced by the client itself; every other code comes from the server. */
export const kNetworkError = 'network_error';
export const kInvalidResponse = 'invalid_response';

export class ApiError extends Error {
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  readonly code: string;
  /** The request field the server blamed, if any. */
  readonly field: string | undefined;
  /** From `Retry-After` (429, 503): browser time (Date.now() scale) to try again at. */
  readonly retryAt: number | undefined;
  /** Every reason of a refusal that has several (e.g. 409 on activation); else empty. */
  readonly problems: readonly Problem[];
  /** The whole parsed error body, for answers that carry more (a 409's fresh `slots`). */
  readonly body: unknown;

  constructor(
    status: number,
    code: string,
    message: string,
    field?: string,
    retryAt?: number,
    problems: readonly Problem[] = [],
    body: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAt = retryAt;
    this.problems = problems;
    this.body = body;
  }
}

/** Wraps anything a request threw (normally an ApiError already) as an ApiError. */
export function toApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err));
}

/**
 * Server time minus browser time, in ms, from the last response's `Date` header (0 before
 * any). `Date` has whole seconds, so browser deadlines derived from it err late, never early.
 */
let serverClockOffset = 0;

/** A server timestamp (UTC ms) converted to the browser's clock, for countdowns. */
export function toLocalTime(serverMs: number): number {
  return serverMs - serverClockOffset;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export function apiGet<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return request<T>('GET', path, undefined, options);
}

/** `body` is sent as JSON; pass undefined to send no body. */
export function apiSend<T>(
  method: SendMethod,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const raw =
    body === undefined ? undefined : { type: 'application/json', text: JSON.stringify(body) };
  return request<T>(method, path, raw, options);
}

/** A body that is not JSON (e.g. a CSV file): sent as is with its Content-Type. */
export interface RawBody {
  type: string;
  text: string | Blob;
}

/** Sends `body` as is; answers and errors as apiSend does. */
export function apiSendRaw<T>(
  method: SendMethod,
  path: string,
  body: RawBody,
  options: RequestOptions = {},
): Promise<T> {
  return request<T>(method, path, body, options);
}

async function request<T>(
  method: string,
  path: string,
  body: RawBody | undefined,
  options: RequestOptions,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = readCookie(kCsrfCookie);
    if (csrf) headers[kCsrfHeader] = csrf;
  }
  if (body !== undefined) {
    headers['Content-Type'] = body.type;
    init.body = body.text;
  }
  if (options.signal) init.signal = options.signal;

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError(
      0,
      kNetworkError,
      'Could not reach the server. Check that it is running and that this device is online.',
    );
  }

  noteServerTime(response);
  if (response.status === 204) return undefined as T;

  let parsed: unknown;
  try {
    const text = await response.text();
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch (err) {
    if (isAbort(err)) throw err;
    parsed = undefined;
  }

  if (response.ok) {
    if (parsed === undefined) {
      throw new ApiError(
        response.status,
        kInvalidResponse,
        'The server sent a response the app could not read.',
      );
    }
    return parsed as T;
  }
  throw errorFromBody(response, parsed);
}

function errorFromBody(response: Response, parsed: unknown): ApiError {
  const retryAt = parseRetryAfter(response.headers.get('Retry-After'));
  const body = parseErrorBody(parsed);
  if (body) {
    const { code, message, field, problems } = body;
    return new ApiError(response.status, code, message, field, retryAt, problems, parsed);
  }
  // Not our JSON error shape: a proxy in between, or a server older than this app.
  const reason = response.statusText ? ` (${response.statusText})` : '';
  return new ApiError(
    response.status,
    `http_${response.status}`,
    `The server answered with status ${response.status}${reason}.`,
    undefined,
    retryAt,
  );
}

/** `Retry-After` is delay-seconds or an HTTP date; returns a browser-clock time or undefined. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Date.now() + Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : toLocalTime(date);
}

function noteServerTime(response: Response): void {
  const date = Date.parse(response.headers.get('Date') ?? '');
  if (!Number.isNaN(date)) serverClockOffset = date - Date.now();
}

/**
 * False when this browser certainly has no session: the server sets the readable
 * `careops_csrf` cookie together with the HttpOnly session cookie and clears both on sign-out.
 * True means "maybe" (the session may have expired): ask GET /api/auth/me.
 */
export function mayHaveSession(): boolean {
  return readCookie(kCsrfCookie) !== null;
}

/** The value of cookie `name`, or null. Only non-HttpOnly cookies are visible here. */
function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return null;
}

/** Returns the `error` object of an ErrorBody, or null when `value` is not one. */
function parseErrorBody(value: unknown): ErrorBody['error'] | null {
  if (typeof value !== 'object' || value === null || !('error' in value)) return null;
  const error: unknown = value.error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, field, problems } = error as Record<string, unknown>;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  const parsed: ErrorBody['error'] = { code, message, problems: parseProblems(problems) };
  if (typeof field === 'string') parsed.field = field;
  return parsed;
}

/** The well-formed entries of an error's `problems` array; anything else is dropped. */
function parseProblems(value: unknown): Problem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, message } = item as Record<string, unknown>;
    return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
  });
}

function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}
