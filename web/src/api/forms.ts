// Typed calls for intake forms (docs/API.md, "Forms"): reading needs the forms permission,
// changing a form is for owners. The public routes take the link's token in the body only.

import { apiGet, apiSend, type RequestOptions } from './client';
import type {
  AnswerValues,
  Form,
  FormRequestBody,
  FormRequestQuery,
  FormRequestRecord,
  FormRequestsResponse,
  FormsResponse,
  OpenedForm,
} from './form_types';
import { workspacePath } from './workspaces';

const formPath = (id: number, formId: number) =>
  workspacePath(id, `/forms/${encodeURIComponent(String(formId))}`);

/** By name; archived ones too with `includeArchived`. */
export function listForms(
  id: number,
  includeArchived: boolean,
  options: RequestOptions = {},
): Promise<FormsResponse> {
  return apiGet(
    workspacePath(id, `/forms${includeArchived ? '?include_archived=1' : ''}`),
    options,
  );
}

export function getForm(id: number, formId: number, options: RequestOptions = {}): Promise<Form> {
  return apiGet(formPath(id, formId), options);
}

/** 400 names the field down to a field definition: `fields[2].key`. */
export function createForm(id: number, form: FormRequestBody): Promise<Form> {
  return apiSend('POST', workspacePath(id, '/forms'), form);
}

export function updateForm(id: number, formId: number, form: FormRequestBody): Promise<Form> {
  return apiSend('PATCH', formPath(id, formId), form);
}

/** A form with requests is archived, else deleted. */
export function deleteForm(id: number, formId: number): Promise<void> {
  return apiSend('DELETE', formPath(id, formId));
}

/** Newest first. */
export function listFormRequests(
  id: number,
  query: FormRequestQuery,
  options: RequestOptions = {},
): Promise<FormRequestsResponse> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return apiGet(workspacePath(id, `/form-requests${search ? `?${search}` : ''}`), options);
}

export function getFormRequest(
  id: number,
  requestId: number,
  options: RequestOptions = {},
): Promise<FormRequestRecord> {
  return apiGet(
    workspacePath(id, `/form-requests/${encodeURIComponent(String(requestId))}`),
    options,
  );
}

// ---- Public, no sign-in ----

/** 404 unknown or forged token; 410 the booking was cancelled. */
export function openPublicForm(token: string, options: RequestOptions = {}): Promise<OpenedForm> {
  return apiSend('POST', '/api/public/forms/open', { token }, options);
}

/** 400 with `problems` naming every bad field; 409 (field `status`) when no longer open. */
export function submitPublicForm(token: string, answers: AnswerValues): Promise<FormRequestRecord> {
  return apiSend('POST', '/api/public/forms/submit', { token, answers });
}
