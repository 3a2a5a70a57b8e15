// What the booking browser tests share: calls to the JSON API from a signed-in page (its
// session cookie and CSRF token, as the web app sends them), the owner's set-up steps through
// the UI (a working SMS channel, a service, weekly hours, activation), and the manage link of
// a booking SMS.

import assert from 'node:assert/strict';
import { connectOwnSms, workspaceNav } from './workspace_flows.mjs';

/**
 * `method` `path` with JSON `body` from inside `page` (signed in): resolves with {status, body}.
 * For fixtures the UI has no quick way to (the workspace's address and contact details).
 */
export async function apiFromPage(page, method, path, body = undefined) {
  return page.evaluate(
    async ([method, path, body]) => {
      const csrf = document.cookie
        .split(';')
        .map((part) => part.trim().split('='))
        .find(([name]) => name === 'careops_csrf')?.[1];
      const headers = { Accept: 'application/json' };
      if (csrf) headers['X-CSRF-Token'] = decodeURIComponent(csrf);
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const answer = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await answer.text();
      return { status: answer.status, body: text ? JSON.parse(text) : null };
    },
    [method, path, body],
  );
}

/**
 * Fixture: the details onboarding asks for besides name and time zone (address, contact
 * phone), and the zone `timezone`, set through the API (the settings page would do the same).
 */
export async function fillDetails(page, workspaceId, timezone) {
  const answer = await apiFromPage(page, 'PATCH', `/api/workspaces/${workspaceId}`, {
    address: '1 Harbour Road, Springfield',
    contact_phone: '+14155552600',
    timezone,
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
}

/**
 * On the channels page: connects the fake Twilio with the number `from` and sends a test to
 * `to`, waiting until the channel works (onboarding's channel step).
 */
export async function connectWorkingSms(page, twilio, from, to) {
  await workspaceNav(page).getByRole('link', { name: 'Channels' }).click();
  const sms = await connectOwnSms(page, twilio, from);
  await sms.getByLabel(/^Send the test to/).fill(to);
  await sms.getByRole('button', { name: 'Send test message' }).click();
  await sms.getByText('Working', { exact: true }).waitFor({ timeout: 30_000 });
}

/**
 * On the services page: adds `name` (`minutes` long) served by the owner (pre-checked), with
 * the default reminder; resolves once it is listed.
 */
export async function addService(page, name, minutes) {
  await workspaceNav(page).getByRole('link', { name: 'Services' }).click();
  await page.getByRole('button', { name: 'Add a service' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Duration (minutes)').fill(String(minutes));
  const reminders = page.getByTestId('reminder');
  assert.equal(await reminders.count(), 1, 'one reminder by default');
  assert.equal(await reminders.first().getByRole('textbox').inputValue(), '24');
  assert.equal(await reminders.first().getByRole('combobox').inputValue(), 'hours');
  const staff = page.getByTestId('service-staff').getByRole('checkbox');
  await staff.first().waitFor();
  assert.equal(await staff.count(), 1);
  assert.equal(await staff.first().isChecked(), true, 'the owner serves it by default');
  await page.getByRole('button', { name: 'Create service' }).click();
  await page.getByTestId('service').filter({ hasText: name }).waitFor();
}

/** On the availability page: 09:00–17:00 every day (Monday's hours copied), saved. */
export async function setDailyHours(page) {
  await workspaceNav(page).getByRole('link', { name: 'Availability' }).click();
  const monday = page.getByRole('group', { name: 'Monday' });
  await monday.getByRole('button', { name: 'Add hours' }).click();
  assert.equal(await monday.getByLabel('Monday: from (hours 1)').inputValue(), '09:00');
  await monday.getByLabel('Monday: until (hours 1)').fill('17:00');
  await monday.getByRole('button', { name: 'Copy to every day' }).click();
  const sunday = page.getByRole('group', { name: 'Sunday' });
  assert.equal(await sunday.getByLabel('Sunday: from (hours 1)').inputValue(), '09:00');
  await page.getByRole('button', { name: 'Save hours' }).click();
  await page.getByText('The hours are saved.').waitFor();
}

/** The path and fragment of the manage link (`/b#token=…`) in an SMS body. */
export function manageLinkIn(body) {
  const match = /(https?:\/\/\S+)?(\/b#token=[^\s]+)/.exec(body);
  assert.ok(match, `no manage link in: ${body}`);
  return match[2].replace(/[.,)]+$/, '');
}

/**
 * Fixture: opens workspace `workspaceId` (whose own SMS channel is connected) through the API,
 * for tests about something else: its details, a test SMS to `testTo` until the channel works,
 * a 30-minute service served by the caller with 09:00–17:00 every day, and activation.
 */
export async function openThroughApi(page, workspaceId, testTo) {
  const base = `/api/workspaces/${workspaceId}`;
  const call = async (method, path, body, status) => {
    const answer = await apiFromPage(page, method, `${base}${path}`, body);
    assert.equal(answer.status, status, `${method} ${path}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  await fillDetails(page, workspaceId, 'America/Los_Angeles');
  await call('POST', '/channels/sms/test', { to: testTo }, 202);
  const deadline = Date.now() + 30_000;
  while (!(await call('GET', '/channels', undefined, 200)).sms.works) {
    assert.ok(Date.now() < deadline, 'the test SMS was not accepted within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const me = (await apiFromPage(page, 'GET', '/api/auth/me')).body;
  const service = { name: 'Consultation', duration_minutes: 30, member_ids: [me.id] };
  await call('POST', '/services', service, 201);
  const weekly = [0, 1, 2, 3, 4, 5, 6].map((day) => ({
    weekday: day,
    start: '09:00',
    end: '17:00',
  }));
  await call('PUT', `/staff/${me.id}/availability`, { weekly, overrides: [] }, 200);
  await call('POST', '/activate', undefined, 200);
}
