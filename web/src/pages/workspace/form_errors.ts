// Where the server's complaint about a form goes: a 400 names the field down to one field
// definition ("fields[2].key", "fields[0].options[1]"); the builder shows each message beside
// the input it names.

import type { ApiError } from '../../api/client';

/** Every (field, message) pair of `error`: its own and its `problems`. */
function complaints(error: ApiError | null): { field: string; message: string }[] {
  if (!error || (error.status !== 400 && error.status !== 422)) return [];
  const all = [...error.problems];
  if (error.field !== undefined && !all.some((p) => p.field === error.field)) {
    all.unshift({ field: error.field, message: error.message });
  }
  return all;
}

/** "fields[2].key must be unique" → "Must be unique". */
function readable(field: string, message: string): string {
  let text = message.trim();
  if (text.startsWith(`${field} `)) text = text.slice(field.length + 1);
  if (!text) return 'Check this value.';
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The message for the input `path` ("name", "fields[2].key"): complaints naming it exactly,
 * or something inside it when `inside` ("fields[0].options" takes "fields[0].options[1]").
 */
export function formErrorAt(error: ApiError | null, path: string, inside = false): string | null {
  const found = complaints(error).find(
    (p) =>
      p.field === path ||
      (inside && (p.field.startsWith(`${path}[`) || p.field.startsWith(`${path}.`))),
  );
  return found ? readable(found.field, found.message) : null;
}

/** True when a complaint names `path` or anything inside it. */
export function hasFormErrorIn(error: ApiError | null, path: string): boolean {
  return formErrorAt(error, path, true) !== null;
}

/** The error unless every complaint it makes has a place among `placed` (paths or prefixes). */
export function unplacedFormError(
  error: ApiError | null,
  placed: (field: string) => boolean,
): ApiError | null {
  if (!error) return null;
  const list = complaints(error);
  if (list.length === 0) return error;
  return list.every((p) => placed(p.field)) ? null : error;
}
