// What the browser test files share about getting a workspace going: a server whose
// workspaces text through the fake Twilio of support/fake_twilio.mjs, signing up with a phone
// (the code read from the development outbox), creating a workspace from the switcher, and
// connecting the workspace's own (fake) Twilio account.

import assert from 'node:assert/strict';
import { after } from 'node:test';
import { startFakeTwilio } from './fake_twilio.mjs';
import { assertFits, outboxCode } from './pages.mjs';
import { useServerAndBrowser } from './suite.mjs';

export const kPassword = 'correct horse battery staple';

/**
 * useServerAndBrowser() for a file whose workspaces send SMS through their own Twilio account:
 * `suite.twilio` is the fake, started before the server (TWILIO_API_BASE_URL points at it) and
 * stopped after. The server's own SMS provider stays console, so sign-up codes are read from
 * /api/dev/outbox; delivery reports reach the server at PUBLIC_BASE_URL/api/webhooks/twilio/….
 */
export function useServerWithFakeTwilio() {
  // The before hook may start (and call env) before useServerAndBrowser has returned.
  let twilio;
  const suite = useServerAndBrowser({
    env: async () => {
      twilio = await startFakeTwilio();
      return { TWILIO_API_BASE_URL: twilio.url, SMS_PROVIDER: 'console' };
    },
  });
  after(() => twilio?.stop());
  Object.defineProperty(suite, 'twilio', { get: () => twilio, enumerable: true });
  return suite;
}

/**
 * Fills the registration form on `page` (at /register) for `person` ({name, email, phone,
 * e164}), then enters the SMS code the server at `serverUrl` printed to its outbox.
 */
export async function registerWithPhone(page, serverUrl, person) {
  await page.getByLabel('Full name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(kPassword);
  await page.getByLabel(/^Mobile phone/).fill(person.phone);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Verify your phone' }).waitFor();
  await page.getByLabel('6-digit code').fill(await outboxCode(serverUrl, person.e164));
  await page.getByRole('button', { name: 'Verify and continue' }).click();
}

/**
 * Creates `workspace` ({name, slug}; the slug must be the one the name suggests) through the
 * switcher's "New workspace" form (which must fit when `page` is phone-sized); resolves with
 * the new id once its home is shown.
 */
export async function createWorkspace(page, workspace) {
  await page.getByTestId('workspace-switcher').locator('summary').click();
  await page.getByRole('link', { name: 'New workspace' }).click();
  await page.getByRole('heading', { name: 'New workspace' }).waitFor();
  await page.getByLabel('Business name').fill(workspace.name);
  assert.equal(await page.getByLabel('Web address').inputValue(), workspace.slug);
  assert.notEqual(await page.getByLabel('Time zone').inputValue(), '');
  if (page.viewportSize().width <= 360) await assertFits(page, 'the new workspace form');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL(/\/workspaces\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/**
 * On the channels page: chooses the own Twilio account of `twilio` (the fake) with the number
 * `from`, and saves. Resolves with the SMS card's locator.
 */
export async function connectOwnSms(page, twilio, from) {
  const sms = page.getByRole('region', { name: 'SMS' });
  await sms.getByLabel('Own Twilio account').check();
  await sms.getByLabel('Account SID').fill(twilio.accountSid);
  await sms.getByLabel('Auth token').fill(twilio.authToken);
  await sms.getByLabel(/^Twilio phone number/).fill(from);
  await sms.getByRole('button', { name: 'Save SMS settings' }).click();
  await sms.getByText('SMS settings saved.').waitFor();
  return sms;
}

/** The header's nav of the current workspace. */
export const workspaceNav = (page) => page.getByRole('navigation', { name: 'Workspace' });
