// One automation rule: what it does, the messages it sends (read-only; those with a
// `template_key`, the welcome messages, are edited in Settings), its switch, and its log.

import { useState } from 'preact/hooks';
import { setRuleEnabled } from '../../api/dashboard';
import type { AutomationRule, RuleTemplate } from '../../api/dashboard_types';
import { ErrorBanner } from '../../components/error_banner';
import { Link } from '../../components/link';
import { kAutomationText as T, channelLabel, messageKindLabel } from '../../dashboard_text';
import { useAction } from '../../hooks';
import { AutomationLog } from './automation_log';

interface AutomationRuleCardProps {
  workspaceId: number;
  rule: AutomationRule;
  onChanged: (rule: AutomationRule) => void;
}

export function AutomationRuleCard({ workspaceId, rule, onChanged }: AutomationRuleCardProps) {
  const [showLog, setShowLog] = useState(false);
  // The state asked for while the change is on its way: the switch shows it at once, and falls
  // back to the rule's if the change fails.
  const [asked, setAsked] = useState<boolean | null>(null);
  const toggle = useAction(async (enabled: boolean) => {
    setAsked(enabled);
    try {
      onChanged(await setRuleEnabled(workspaceId, rule.key, enabled));
    } finally {
      setAsked(null);
    }
  });
  const checked = asked ?? rule.enabled;
  const titleId = `rule-${rule.key}-title`;
  const switchId = `rule-${rule.key}-switch`;
  const logId = `rule-${rule.key}-log`;
  return (
    <section
      class="card rule"
      aria-labelledby={titleId}
      data-testid="rule"
      data-rule={rule.key}
      data-enabled={rule.enabled}
    >
      <div class="rule__head">
        <h2 id={titleId} class="rule__title">
          {rule.title}
        </h2>
        <label class="switch" for={switchId}>
          <input
            id={switchId}
            type="checkbox"
            role="switch"
            class="switch__input"
            checked={checked}
            disabled={toggle.busy}
            aria-label={rule.title}
            onChange={(event) => void toggle.run(event.currentTarget.checked)}
          />
          <span class="switch__text" aria-hidden="true">
            {checked ? T.on : T.off}
          </span>
        </label>
      </div>
      {toggle.error && <ErrorBanner error={toggle.error} />}
      <p>{rule.description}</p>
      <p class="fact-note" data-testid="rule-sent">
        {T.sentLast30(rule.sent_last_30_days)}
      </p>
      {rule.templates.length === 0 ? (
        <p class="muted">{T.noTemplates}</p>
      ) : (
        <details class="rule__templates">
          <summary>{T.templates(rule.templates.length)}</summary>
          {rule.templates.map((template, i) => (
            <Template key={i} template={template} />
          ))}
        </details>
      )}
      {rule.templates.some((t) => t.template_key) && (
        <p>
          <Link href={`/workspaces/${workspaceId}/settings`}>{T.welcomeEdit}</Link>
        </p>
      )}
      {rule.templates.length > 0 && (
        <>
          <button
            type="button"
            class="link-button"
            aria-expanded={showLog}
            aria-controls={logId}
            onClick={() => setShowLog(!showLog)}
          >
            {showLog ? T.hideLog : T.showLog}
          </button>
          <div id={logId}>
            {showLog && <AutomationLog workspaceId={workspaceId} rule={rule.key} />}
          </div>
        </>
      )}
    </section>
  );
}

function Template({ template }: { template: RuleTemplate }) {
  return (
    <div class="rule__template" data-testid="rule-template" data-channel={template.channel}>
      <p class="rule__channel">
        <span class="badge">{channelLabel(template.channel)}</span>
        {template.kind && <> {messageKindLabel(template.kind)}</>}
        {template.subject && (
          <>
            {' · '}
            <strong>{template.subject}</strong>
          </>
        )}
      </p>
      <pre class="rule__body">{template.body}</pre>
    </div>
  );
}
