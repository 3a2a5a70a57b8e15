// Where the link in a form message lands: /f#token=…. The token stays in the fragment (which
// no server sees) and travels only in JSON bodies. Made for a phone: the business, the
// appointment, the form's questions with the right inputs; a refusal names every bad answer
// beside its question and focuses the first; then a thank-you. A link for a form already
// filled in, a cancelled booking or no real request says so plainly.

import { useEffect, useState } from 'preact/hooks';
import { type ApiError, toApiError } from '../../api/client';
import type { AnswerValues, FormField, OpenedForm } from '../../api/form_types';
import { openPublicForm, submitPublicForm } from '../../api/forms';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ErrorBanner } from '../../components/error_banner';
import { useAction, useLoad } from '../../hooks';
import { useDocumentTitle } from '../../layout';
import { formatWhenIn, zoneLabel } from '../../time_zone';
import { AnswerField, answerInputId } from './answer_field';
import { FormClosed, type ClosedReason } from './form_closed';

function tokenInLink(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token')?.trim() ?? '';
}

export function FillFormPage() {
  useDocumentTitle('Your form');
  const [token, setToken] = useState(tokenInLink);
  useEffect(() => {
    const update = () => setToken(tokenInLink());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return (
    <section class="page page--narrow public-form" aria-labelledby="fill-form-title">
      {token ? (
        <Opened key={token} token={token} />
      ) : (
        <>
          <h1 id="fill-form-title">Your form</h1>
          <FormClosed reason="invalid" />
        </>
      )}
    </section>
  );
}

function initialValues(fields: readonly FormField[]): AnswerValues {
  const values: AnswerValues = {};
  for (const field of fields) {
    values[field.key] = field.type === 'checkbox' || field.type === 'consent' ? false : '';
  }
  return values;
}

/** The reason a refusal closes the form for good, or null when it can be fixed and retried. */
function closedBy(error: ApiError): ClosedReason | null {
  if (error.status === 404) return 'invalid';
  if (error.status === 410) return 'cancelled';
  if (error.status === 409) return 'done';
  return null;
}

function serviceName(service: OpenedForm['booking']['service']): string {
  return typeof service === 'string' ? service : service.name;
}

function Opened({ token }: { token: string }) {
  const opened = useLoad((signal) => openPublicForm(token, { signal }));
  const data = opened.data;
  if (!data) {
    if (opened.error) {
      const reason = closedBy(opened.error);
      return (
        <>
          <h1 id="fill-form-title">Your form</h1>
          {reason ? (
            <FormClosed reason={reason} />
          ) : (
            <ErrorBanner error={opened.error} onRetry={opened.reload} retrying={opened.loading} />
          )}
        </>
      );
    }
    return (
      <>
        <h1 id="fill-form-title">Your form</h1>
        <p class="muted">Loading your form…</p>
      </>
    );
  }
  return <Fill token={token} data={data} />;
}

function Fill({ token, data }: { token: string; data: OpenedForm }) {
  const { form, workspace, booking } = data;
  const [values, setValues] = useState<AnswerValues>(() => initialValues(form.fields));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [closed, setClosed] = useState<ClosedReason | null>(() => {
    if (data.request.status === 'completed') return 'done';
    if (data.request.status === 'cancelled') return 'cancelled';
    return null;
  });
  const [thanked, setThanked] = useState(false);

  const submit = useAction(async () => {
    setProblems({});
    try {
      await submitPublicForm(token, values);
    } catch (err) {
      const error = toApiError(err);
      const reason = closedBy(error);
      if (reason) {
        setClosed(reason);
        return;
      }
      if (error.status === 400) {
        const byKey: Record<string, string> = {};
        const list = error.problems.length
          ? error.problems
          : error.field
            ? [{ field: error.field, message: error.message }]
            : [];
        for (const p of list) {
          if (form.fields.some((f) => f.key === p.field) && !byKey[p.field]) {
            const label = form.fields.find((f) => f.key === p.field)?.label ?? '';
            byKey[p.field] = readable(p.message, label);
          }
        }
        const first = form.fields.find((f) => byKey[f.key] !== undefined);
        if (first) {
          setProblems(byKey);
          setFocusKey({ key: first.key });
          if (Object.keys(byKey).length === list.length) return;
        }
      }
      throw error;
    }
    setThanked(true);
  });
  // The inputs are disabled while the answers are sent: focus once they are enabled again.
  const [focusKey, setFocusKey] = useState<{ key: string } | null>(null);
  useEffect(() => {
    if (!focusKey || submit.busy) return;
    document.getElementById(answerInputId(focusKey.key))?.focus();
    setFocusKey(null);
  }, [focusKey, submit.busy]);

  const when = `${formatWhenIn(booking.start, workspace.timezone)} (${zoneLabel(workspace.timezone)} time)`;
  const head = (
    <>
      <h1 id="fill-form-title">{form.name}</h1>
      <p class="page__subtitle" data-testid="form-business">
        {workspace.name} · {serviceName(booking.service)}, {when}
      </p>
    </>
  );
  if (thanked) {
    return (
      <>
        {head}
        <div class="notice" role="status" data-testid="form-thanks">
          <p>
            <strong>Thank you: your answers are sent.</strong>
          </p>
          <p>{workspace.name} will see them before your appointment. You can close this page.</p>
        </div>
      </>
    );
  }
  if (closed) {
    return (
      <>
        {head}
        <FormClosed reason={closed} business={workspace.name} />
      </>
    );
  }
  const count = Object.keys(problems).length;
  return (
    <>
      {head}
      {form.description && <p class="pre-wrap">{form.description}</p>}
      {data.request.status === 'overdue' && (
        <p class="fact-note">This form was due earlier; your answers are still welcome.</p>
      )}
      <ActionForm onSubmit={submit.run}>
        {count > 0 && (
          <p class="error-banner" role="alert" data-testid="form-problems">
            {count === 1 ? 'One answer needs' : `${count} answers need`} a change: see below.
          </p>
        )}
        {submit.error && <ErrorBanner error={submit.error} />}
        {form.fields.map((field) => (
          <AnswerField
            key={field.key}
            field={field}
            value={values[field.key] ?? ''}
            onValue={(value) => setValues((v) => ({ ...v, [field.key]: value }))}
            error={problems[field.key] ?? null}
            disabled={submit.busy}
          />
        ))}
        <SubmitActions busy={submit.busy} busyLabel="Sending…" label="Send my answers" />
      </ActionForm>
    </>
  );
}

/**
 * The server's message as said beside its question: without a leading "Label: " (the question
 * is right above it), starting with a capital. "Email: is not a valid email address" → "Is not
 * a valid email address".
 */
function readable(message: string, label: string): string {
  let text = message.trim();
  if (label && text.startsWith(`${label}: `)) text = text.slice(label.length + 2).trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : 'Check this answer.';
}
