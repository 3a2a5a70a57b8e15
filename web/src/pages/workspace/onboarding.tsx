// The owner's checklist from GET …/onboarding: the eight steps in the server's order, each
// done or with what is missing, linked to where it is done. The server computes it on every
// request, so leaving and coming back resumes exactly where things stand.

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { toApiError } from '../../api/client';
import type { OnboardingStep, Problem, Workspace } from '../../api/types';
import { activateWorkspace, getOnboarding } from '../../api/workspaces';
import { ErrorBanner } from '../../components/error_banner';
import { Link } from '../../components/link';
import { Notice } from '../../components/notice';
import { useAction, useLoad } from '../../hooks';
import { useWorkspaces } from '../../workspaces';

/** Steps done on a page of this app: where to go, and the link's words. */
const kStepPages: Record<string, { path: string; todo: string; again: string }> = {
  details: { path: '/settings', todo: 'Fill in the details', again: 'Change the details' },
  channels: { path: '/channels', todo: 'Set up SMS or email', again: 'Change channels' },
  contact_form: {
    path: '/settings',
    todo: 'Write the welcome messages',
    again: 'Change the welcome messages',
  },
  services: {
    path: '/services',
    todo: 'Add your services',
    again: 'Change services',
  },
  forms: { path: '/forms', todo: 'Build an intake form', again: 'Change forms' },
  inventory: { path: '/inventory', todo: 'Add your supplies', again: 'Change inventory' },
  staff: { path: '/members', todo: 'Invite your staff', again: 'Manage staff' },
};

interface OnboardingWizardProps {
  workspace: Workspace;
  /** After a successful activation (the workspace changed). */
  onActivated: () => void;
}

export function OnboardingWizard({ workspace, onActivated }: OnboardingWizardProps) {
  const onboarding = useLoad((signal) => getOnboarding(workspace.id, { signal }));
  const workspaces = useWorkspaces();
  const [problems, setProblems] = useState<readonly Problem[] | null>(null);
  const [activated, setActivated] = useState(false);

  const activate = useAction(async () => {
    setProblems(null);
    try {
      await activateWorkspace(workspace.id);
    } catch (err) {
      const error = toApiError(err);
      if (error.status !== 409) throw error;
      setProblems(error.problems.length ? error.problems : [{ field: '', message: error.message }]);
      onboarding.reload();
      return;
    }
    setActivated(true);
    onboarding.reload();
    onActivated();
    void workspaces.reload();
  });

  const data = onboarding.data;
  const steps = data?.steps ?? [];
  const done = steps.filter((step) => step.done).length;
  const titleOf = (key: string) => steps.find((step) => step.key === key)?.title ?? key;
  return (
    <section
      class="card"
      aria-labelledby="onboarding-title"
      aria-busy={onboarding.loading}
      data-testid="onboarding"
    >
      <div class="page__head">
        <h2 id="onboarding-title">Get {workspace.name} ready</h2>
        {data && (
          <span class="fact-note" data-testid="onboarding-progress">
            {done} of {steps.length} steps done
          </span>
        )}
      </div>
      <p class="field__hint">
        Take the steps in any order, and leave and come back whenever you like: what is done is
        saved as you go.
      </p>
      {onboarding.error && (
        <ErrorBanner
          error={onboarding.error}
          onRetry={onboarding.reload}
          retrying={onboarding.loading}
        />
      )}
      {!data && onboarding.loading && <p class="muted">Loading the checklist…</p>}
      {activated && <Notice>{workspace.name} is open: customers can reach it now.</Notice>}
      <ol class="steps">
        {steps.map((step, index) => (
          <StepItem key={step.key} step={step} number={index + 1} workspaceId={workspace.id}>
            {step.key === 'activate' && !data?.is_active && (
              <>
                {data && !data.ready_to_activate && (
                  <p class="field__hint">
                    Activation needs every required step done. Press it anyway to see what is
                    missing.
                  </p>
                )}
                <div class="form__actions">
                  <button
                    type="button"
                    class="button"
                    onClick={() => void activate.run()}
                    disabled={activate.busy}
                  >
                    {activate.busy ? 'Activating…' : `Activate ${workspace.name}`}
                  </button>
                </div>
                {problems && <ActivationProblems problems={problems} titleOf={titleOf} />}
                {activate.error && <ErrorBanner error={activate.error} />}
              </>
            )}
          </StepItem>
        ))}
      </ol>
    </section>
  );
}

interface StepItemProps {
  step: OnboardingStep;
  number: number;
  workspaceId: number;
  children?: ComponentChildren;
}

function StepItem({ step, number, workspaceId, children }: StepItemProps) {
  const state = !step.available ? 'later' : step.done ? 'done' : 'todo';
  const page = step.available ? kStepPages[step.key] : undefined;
  return (
    <li
      class={`steps__item steps__item--${state}`}
      data-testid="onboarding-step"
      data-step={step.key}
      data-state={state}
    >
      <span class="steps__number" aria-hidden="true">
        {state === 'done' ? '✓' : number}
      </span>
      <div class="steps__body">
        <h3 class="steps__title">
          {step.title}{' '}
          <span class="visually-hidden">
            (step {number}
            {step.required ? ', required' : ''})
          </span>
        </h3>
        <p class="steps__state">
          <StepBadge state={state} />
          {!step.required && step.available && <span class="fact-note-inline">optional</span>}
        </p>
        {state === 'todo' && step.missing.length > 0 && (
          <ul class="steps__missing">
            {step.missing.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        )}
        {state === 'later' && (
          <p class="fact-note">Coming in a later version of CareOps: nothing to do yet.</p>
        )}
        {page && (
          <p>
            <Link href={`/workspaces/${workspaceId}${page.path}`}>
              {step.done ? page.again : page.todo}
            </Link>
            {step.key === 'services' && (
              <>
                {' · '}
                <Link href={`/workspaces/${workspaceId}/availability`}>Set working hours</Link>
              </>
            )}
          </p>
        )}
        {children}
      </div>
    </li>
  );
}

function StepBadge({ state }: { state: 'done' | 'todo' | 'later' }) {
  if (state === 'done') return <span class="badge badge--ok">Done</span>;
  if (state === 'later') return <span class="badge">Coming later</span>;
  return <span class="badge badge--warn">To do</span>;
}

interface ActivationProblemsProps {
  problems: readonly Problem[];
  titleOf: (key: string) => string;
}

/** Why the server refused to activate: one line per missing step. */
function ActivationProblems({ problems, titleOf }: ActivationProblemsProps) {
  return (
    <div class="error-banner" role="alert" data-testid="activation-problems">
      <p class="error-banner__title">Not activated yet: these steps are missing</p>
      <ul class="plain-list">
        {problems.map((problem) => (
          <li key={`${problem.field}:${problem.message}`}>
            {problem.field && <strong>{titleOf(problem.field)}: </strong>}
            {problem.message}
          </li>
        ))}
      </ul>
      <p class="error-banner__advice">Finish them, then activate again.</p>
    </div>
  );
}
