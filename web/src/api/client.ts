// The one way the web app talks to the careops JSON API.
// Contract: resolves with the parsed JSON body of a 2xx response (undefined for 204);
// otherwise rejects with an ApiError. An aborted request rejects with the fetch
// AbortError unchanged, so callers can tell it apart and ignore it.

import type { ErrorBody } from './types';

export type SendMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Codes produced by the client itself; every other code comes from the server. */
export const kNetworkError = 'network_error';
export const kInvalidResponse = 'invalid_response';

export class ApiError extends Error {
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  readonly code: string;
  /** The request field the server blamed, if any. */
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
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
  return request<T>(method, path, body, options);
}

async function request<T>(
  method: string,
  path: string,
  body: unknown,
  options: RequestOptions,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
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
  const body = parseErrorBody(parsed);
  if (body) return new ApiError(response.status, body.code, body.message, body.field);
  // Not our JSON error shape: a proxy in between, or a server older than this app.
  const reason = response.statusText ? ` (${response.statusText})` : '';
  return new ApiError(
    response.status,
    `http_${response.status}`,
    `The server answered with status ${response.status}${reason}.`,
  );
}

/** Returns the `error` object of an ErrorBody, or null when `value` is not one. */
function parseErrorBody(value: unknown): ErrorBody['error'] | null {
  if (typeof value !== 'object' || value === null || !('error' in value)) return null;
  const error: unknown = value.error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, field } = error as Record<string, unknown>;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  return typeof field === 'string' ? { code, message, field } : { code, message };
}

function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}
