// The owner's automation page: every rule that sends messages by itself, what it sends, an
// on/off switch, and what it sent.

import { useState } from 'preact/hooks';
import { listRules } from '../../api/dashboard';
import type { AutomationRule } from '../../api/dashboard_types';
import { kAutomationText as T } from '../../dashboard_text';
import { useLoad } from '../../hooks';
import { AutomationRuleCard } from './automation_rule';
import { type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';

export const AutomationPage = workspacePage({ title: () => T.title, body: AutomationBody });

function AutomationBody({ id, membership }: WorkspaceBodyProps) {
  const rules = useLoad((signal) => listRules(id, { signal }));
  // Rules as switched on this page since the load (the PATCH answers the rule).
  const [changed, setChanged] = useState<Record<string, AutomationRule>>({});
  if (rules.error && !rules.data) {
    return (
      <WorkspaceProblem
        error={rules.error}
        id={id}
        ownerCan="change its automation"
        role={membership?.role}
        onRetry={rules.reload}
        retrying={rules.loading}
      />
    );
  }
  if (!rules.data) return <p class="muted">Loading…</p>;
  return (
    <div class="sections">
      <p class="field__hint">{T.lead}</p>
      <ul class="automation" data-testid="rules">
        {rules.data.rules.map((loaded) => {
          const rule = changed[loaded.key] ?? loaded;
          return (
            <li key={rule.key}>
              <AutomationRuleCard
                workspaceId={id}
                rule={rule}
                onChanged={(next) => setChanged((all) => ({ ...all, [next.key]: next }))}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
