// Typed calls for the dashboard (any member: the sections their permissions allow) and the
// automation rules (owner only); docs/API.md, "Dashboard" and "Automation".

import { apiGet, apiSend, type RequestOptions } from './client';
import type {
  AutomationRule,
  AutomationRulesResponse,
  Dashboard,
  RuleLogResponse,
} from './dashboard_types';
import { workspacePath } from './workspaces';

export function getDashboard(id: number, options: RequestOptions = {}): Promise<Dashboard> {
  return apiGet(workspacePath(id, '/dashboard'), options);
}

/** Every rule, in the order the page lists them. */
export function listRules(
  id: number,
  options: RequestOptions = {},
): Promise<AutomationRulesResponse> {
  return apiGet(workspacePath(id, '/automation'), options);
}

function rulePath(id: number, rule: string, rest = ''): string {
  return workspacePath(id, `/automation/${encodeURIComponent(rule)}${rest}`);
}

/** Switches rule `rule` on or off; answers the rule. 404 for an unknown rule. */
export function setRuleEnabled(
  id: number,
  rule: string,
  enabled: boolean,
): Promise<AutomationRule> {
  return apiSend('PATCH', rulePath(id, rule), { enabled });
}

/** What the rule sent, newest first; `cursor` from the previous page. */
export function ruleLog(
  id: number,
  rule: string,
  cursor: string | null,
  options: RequestOptions = {},
): Promise<RuleLogResponse> {
  const query = cursor ? `?${new URLSearchParams({ cursor }).toString()}` : '';
  return apiGet(rulePath(id, rule, `/log${query}`), options);
}
