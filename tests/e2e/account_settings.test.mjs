// The account page's settings in a real browser against the real binary (console SMS):
// two-step sign-in with an SMS code and with a recovery code, changing the phone number,
// signing out another session, and changing the password.
//
// The server sends a user no code within 30 s of the last one (sign-in codes and new-number
// codes included), so every user is created up front and the tests that need a fresh code
// wait once for that cooldown, after the test that needs none.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFits, outboxCode, withPage as withBrowserPage } from './support/pages.mjs';
import { useServerAndBrowser } from './support/suite.mjs';

const kPassword = 'correct horse battery staple';

const kUsers = {
  cy: { email: 'cy.diaz@example.com', name: 'Cy Diaz', phone: '(415) 555-2673' },
  dee: { email: 'dee.ng@example.com', name: 'Dee Ng', phone: '(415) 555-2677' },
  di: { email: 'di.evans@example.com', name: 'Di Evans', phone: '(415) 555-2674' },
  ed: { email: 'ed.fox@example.com', name: 'Ed Fox', phone: '(415) 555-2676' },
};
/** When the last sign-up code went out; no user gets another code for 30 s after. */
let codesSentAt = 0;

const suite = useServerAndBrowser(async () => {
  for (const user of Object.values(kUsers)) {
    user.e164 = (await createVerifiedUser(user.email, user.name, user.phone)).phone_number;
  }
  codesSentAt = Date.now();
});

/** Waits until the server will send the users created in before() another code. */
async function codeCooldown() {
  const wait = codesSentAt + 31_000 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

async function api(method, path, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${suite.server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Codes already read, so a test waits for the next one instead of re-reading the last. */
const seenCodes = new Set();

/** The newest code sent to `e164` that was not read before, straight from the API. */
const nextCode = (e164) => outboxCode(suite.server.url, e164, seenCodes);

/** A user with a verified phone, made through the API (the UI path has its own test). */
async function createVerifiedUser(email, fullName, phone) {
  const user = await api('POST', '/api/auth/register', {
    email,
    password: kPassword,
    full_name: fullName,
    phone_number: phone,
  });
  const code = await nextCode(user.phone_number);
  await api('POST', `/api/auth/verify-sms?email=${encodeURIComponent(email)}`, { code });
  return user;
}

/** Runs `body(page, problems, context)` 360 px wide in a fresh context, closed afterwards. */
const withPage = (body) =>
  withBrowserPage(suite.browser, { viewport: { width: 360, height: 740 } }, body);

const nav = (page) => page.getByRole('navigation', { name: 'Main' });
const section = (page, title) =>
  page.locator('section.card').filter({ has: page.getByRole('heading', { name: title }) });

async function signIn(page, email, password = kPassword) {
  if (new URL(page.url()).pathname !== '/login') await page.goto(`${suite.server.url}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signOut(page) {
  await nav(page).getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${suite.server.url}/login`);
}

test('changing the password signs out and the new password signs in', async () => {
  const { email } = kUsers.ed;
  const newPassword = 'a whole new passphrase';
  await withPage(async (page, problems) => {
    await signIn(page, email);
    await page.waitForURL(`${suite.server.url}/account`);
    const password = section(page, 'Change password');
    await password.getByLabel('Current password').fill(kPassword);
    await password.getByLabel('New password').fill(newPassword);
    await password.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(`${suite.server.url}/login?next=%2Faccount`);
    await page.getByText(/Your password was changed/).waitFor();

    await signIn(page, email, newPassword);
    await page.waitForURL(`${suite.server.url}/account`);
    assert.deepEqual(problems, []);
  });
});

test('two-step sign-in: turned on with recovery codes, then an SMS code or a recovery code', async () => {
  const { cy, dee } = kUsers;
  // Dee turns it on through the API and keeps the codes; Cy through the page below.
  const { access_token: token } = await api('POST', '/api/auth/login', {
    email: dee.email,
    password: kPassword,
  });
  const { recovery_codes: deeCodes } = await api(
    'POST',
    '/api/auth/2fa',
    { password: kPassword },
    token,
  );

  await withPage(async (page, problems) => {
    await signIn(page, cy.email);
    await page.waitForURL(`${suite.server.url}/account`);
    const twoFactor = page.getByTestId('two-factor');
    await twoFactor.getByLabel('Your password').fill(kPassword);
    await twoFactor.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    const codesPanel = page.getByTestId('recovery-codes');
    await codesPanel.waitFor();
    assert.equal(await codesPanel.locator('li code').count(), 10);
    await assertFits(page, 'the recovery codes');
    const done = codesPanel.getByRole('button', { name: 'Done' });
    assert.equal(await done.isDisabled(), true, 'Done waits for "I saved them"');
    await codesPanel.getByLabel('I saved these codes somewhere safe').check();
    await done.click();
    assert.equal(await codesPanel.count(), 0, 'the codes are shown once');
    await twoFactor.getByText('On', { exact: true }).waitFor();
    await signOut(page);

    await codeCooldown();
    await signIn(page, cy.email);
    await page.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
    await page.getByLabel('6-digit code').fill(await nextCode(cy.e164));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${suite.server.url}/account`);
    await signOut(page);

    await signIn(page, dee.email);
    await page.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
    await page.getByRole('button', { name: /recovery code/ }).click();
    await page.getByLabel('Recovery code').fill(deeCodes[0]);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${suite.server.url}/account`);
    assert.equal((await nav(page).getByTestId('nav-user').textContent()).trim(), dee.name);

    assert.deepEqual(problems, []);
  });
});

test('changing the phone verifies the new number; other sessions can be signed out', async () => {
  const { email } = kUsers.di;
  await api('POST', '/api/auth/login', { email, password: kPassword }); // another device
  await codeCooldown();
  await withPage(async (page, problems) => {
    await signIn(page, email);
    await page.waitForURL(`${suite.server.url}/account`);

    const phone = section(page, 'Change phone number');
    await phone.getByLabel('New mobile number').fill('(415) 555-2675');
    await phone.getByLabel('Your password').fill(kPassword);
    await phone.getByRole('button', { name: 'Send a code to the new number' }).click();
    await phone.getByTestId('code-entry').waitFor();
    await phone.getByLabel('6-digit code').fill(await nextCode('+14155552675'));
    await phone.getByRole('button', { name: 'Verify new number' }).click();
    await phone.getByText('Your phone number is now +14155552675, verified.').waitFor();
    assert.match(await page.getByTestId('profile-phone').textContent(), /\+14155552675\s*Verified/);

    const sessions = section(page, 'Where you are signed in');
    await sessions.getByTestId('session').nth(1).waitFor();
    await sessions.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await sessions.getByTestId('session').nth(1).waitFor({ state: 'detached' });
    assert.equal(await sessions.getByTestId('session').count(), 1);
    await sessions.getByText('This browser').waitFor();
    await assertFits(page, 'the account page');

    assert.deepEqual(problems, []);
  });
});
