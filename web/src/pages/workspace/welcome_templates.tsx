// The owner's welcome messages: what a customer receives at once after writing through the
// contact form (SMS when they gave a mobile number, else email). `{business}` and `{name}`
// are replaced when the message is sent.

import { useState } from 'preact/hooks';
import { getTemplate, saveTemplate } from '../../api/inbox';
import type { MessageTemplate, TemplateKey } from '../../api/inbox_types';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ErrorBanner } from '../../components/error_banner';
import { Field, errorForBanner, fieldBinder } from '../../components/field';
import { Notice } from '../../components/notice';
import { useAction, useLoad } from '../../hooks';

interface TemplateKind {
  title: string;
  /** The server's limit on the body (docs/API.md). */
  maxBody: number;
  rows: number;
  hasSubject: boolean;
}

const kKinds: Record<TemplateKey, TemplateKind> = {
  welcome_sms: { title: 'By SMS', maxBody: 1000, rows: 3, hasSubject: false },
  welcome_email: { title: 'By email', maxBody: 10_000, rows: 8, hasSubject: true },
};

const kKeys: readonly TemplateKey[] = ['welcome_sms', 'welcome_email'];

interface WelcomeTemplatesProps {
  id: number;
  /** The workspace's address, for the contact form's link. */
  slug: string;
}

export function WelcomeTemplates({ id, slug }: WelcomeTemplatesProps) {
  const contactPath = `/w/${slug}/contact`;
  return (
    <section class="card" aria-labelledby="welcome-title" data-testid="welcome-templates">
      <h2 id="welcome-title">Welcome messages</h2>
      <p class="field__hint">
        Sent at once to whoever writes through your contact form (
        <a href={contactPath} target="_blank" rel="noopener">
          {contactPath}
        </a>
        , opens a new tab): by SMS when they give a mobile number, else by email. In the text,{' '}
        <code>{'{business}'}</code> becomes your business's name and <code>{'{name}'}</code> the
        customer's name.
      </p>
      {kKeys.map((key) => (
        <TemplateLoader key={key} id={id} templateKey={key} />
      ))}
    </section>
  );
}

function TemplateLoader({ id, templateKey }: { id: number; templateKey: TemplateKey }) {
  const template = useLoad((signal) => getTemplate(id, templateKey, { signal }));
  const { title } = kKinds[templateKey];
  return (
    <div class="template" aria-busy={template.loading} data-testid={templateKey}>
      <h3>{title}</h3>
      {template.error && (
        <ErrorBanner error={template.error} onRetry={template.reload} retrying={template.loading} />
      )}
      {template.data ? (
        <TemplateForm id={id} template={template.data} />
      ) : (
        !template.error && <p class="muted">Loading…</p>
      )}
    </div>
  );
}

function TemplateForm({ id, template }: { id: number; template: MessageTemplate }) {
  const kind = kKinds[template.key];
  const [stored, setStored] = useState(template);
  const [values, setValues] = useState({ subject: template.subject, body: template.body });
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    setSaved(false);
    const answer = await saveTemplate(id, template.key, {
      body: values.body,
      ...(kind.hasSubject ? { subject: values.subject.trim() } : {}),
    });
    setStored(answer);
    setValues({ subject: answer.subject, body: answer.body });
    setSaved(true);
  });
  const field = fieldBinder(values, setValues, save.error);
  const bannerError = errorForBanner(save.error, ['subject', 'body']);
  return (
    <ActionForm onSubmit={save.run}>
      {saved && <Notice>{`Welcome message ${kind.title.toLowerCase()} saved.`}</Notice>}
      {bannerError && <ErrorBanner error={bannerError} />}
      {stored.is_default && (
        <p class="field__hint">CareOps' own text, until you change it.</p>
      )}
      {kind.hasSubject && (
        <Field label="Subject" {...field('subject')} required maxLength={200} />
      )}
      <Field
        label="Text"
        {...field('body')}
        rows={kind.rows}
        required
        maxLength={kind.maxBody}
        hint={`Up to ${kind.maxBody.toLocaleString()} characters.`}
      />
      <SubmitActions
        busy={save.busy}
        busyLabel="Saving…"
        label={`Save the ${kind.hasSubject ? 'email' : 'SMS'} welcome`}
      />
    </ActionForm>
  );
}
