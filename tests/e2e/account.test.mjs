// Accounts in a real browser against the real binary on its default console SMS provider:
// register with a phone, read the code on /dev/outbox, verify, sign out, sign in again.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFits, kPhone, openPage, unexpected } from './support/pages.mjs';
import { useServerAndBrowser, withContext } from './support/suite.mjs';

const kPassword = 'correct horse battery staple';

const suite = useServerAndBrowser();

/** Runs `body(context)` in a fresh 360 px wide browser context, closed afterwards. */
const withPhoneContext = (body) => withContext(suite.browser, kPhone, body);

/** Opens `path` of the server in a new page of `context`, watched for problems. */
const open = (context, path) => openPage(context, `${suite.server.url}${path}`);

/**
 * The newest code sent to `e164`, read off the /dev/outbox page (which refreshes itself
 * every 2 s, so a message that is still on its way shows up without a reload).
 */
async function readCode(outbox, e164) {
  const entry = outbox
    .getByTestId('outbox-message')
    .filter({ has: outbox.getByTestId('outbox-to').getByText(e164, { exact: true }) })
    .first();
  await entry.waitFor({ timeout: 15_000 });
  const body = await entry.getByTestId('outbox-body').textContent();
  const match = /\b(\d{6})\b/.exec(body);
  assert.ok(match, `no 6-digit code in the message: ${body}`);
  return match[1];
}

const nav = (page) => page.getByRole('navigation', { name: 'Main' });

async function fillRegistration(page, { name, email, phone, password = kPassword }) {
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  if (phone) await page.getByLabel(/^Mobile phone/).fill(phone);
  await page.getByRole('button', { name: 'Create account' }).click();
}

async function signIn(page, email, password = kPassword) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('a new user registers with a phone, verifies it from /dev/outbox, signs out and in', async () => {
  await withPhoneContext(async (context) => {
    const email = 'ann.lee@example.com';
    const { page, problems } = await open(context, '/register');
    await nav(page).getByRole('link', { name: 'Sign in' }).waitFor();
    await assertFits(page, 'the registration form');

    await fillRegistration(page, { name: 'Ann Lee', email, phone: '(415) 555-2671' });
    await page.getByRole('heading', { name: 'Verify your phone' }).waitFor();
    assert.match(await page.getByTestId('code-destination').textContent(), /71$/);
    const resend = page.getByTestId('resend-code');
    assert.equal(await resend.isDisabled(), true, 'Resend must wait for resend_after');
    assert.match(await resend.textContent(), /^Resend code in \d+ s$/);
    await assertFits(page, 'the code step');

    const { page: outbox, problems: outboxProblems } = await open(context, '/dev/outbox');
    const code = await readCode(outbox, '+14155552671');
    await assertFits(outbox, 'the development outbox');

    // A wrong code (one try of five) is refused next to the input; the right one still works.
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await page.getByLabel('6-digit code').fill(wrong);
    await page.getByRole('button', { name: 'Verify and continue' }).click();
    assert.match(await page.getByTestId('error-code').textContent(), /wrong or has expired/);
    await assertFits(page, 'the code step with an error');

    await page.getByLabel('6-digit code').fill(code);
    await page.getByRole('button', { name: 'Verify and continue' }).click();
    await page.waitForURL(`${suite.server.url}/account`);
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    assert.equal(await page.getByTestId('profile-phone').getByText('+14155552671').count(), 1);
    assert.equal((await page.getByTestId('phone-status').textContent()).trim(), 'Verified');
    assert.equal((await page.getByTestId('profile-email').textContent()).trim(), email);
    assert.equal((await nav(page).getByTestId('nav-user').textContent()).trim(), 'Ann Lee');
    await page.getByTestId('session').first().waitFor();
    await assertFits(page, 'the account page');

    await nav(page).getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${suite.server.url}/login`);
    await page.getByText('You are signed out.').waitFor();
    await nav(page).getByRole('link', { name: 'Sign in' }).waitFor();
    assert.equal(await nav(page).getByTestId('nav-user').count(), 0);

    // Signed out, the account page sends the visitor to sign in, carrying the path only.
    await page.goto(`${suite.server.url}/account`);
    await page.waitForURL(`${suite.server.url}/login?next=%2Faccount`);
    await assertFits(page, 'the sign-in form');

    await signIn(page, email);
    await page.waitForURL(`${suite.server.url}/account`);
    assert.equal((await page.getByTestId('phone-status').textContent()).trim(), 'Verified');
    assert.equal((await nav(page).getByTestId('nav-user').textContent()).trim(), 'Ann Lee');

    assert.deepEqual(unexpected(problems, [[400, '/api/auth/verify-sms']]), []);
    assert.deepEqual(outboxProblems, []);
  });
});

test('mistakes are explained next to the field that caused them', async () => {
  await withPhoneContext(async (context) => {
    const { page, problems } = await open(context, '/register');
    await fillRegistration(page, {
      name: 'Bo Chen',
      email: 'bo.chen@example.com',
      phone: '(415) 555-2672',
      password: 'short',
    });
    await page.getByTestId('error-password').waitFor();
    assert.equal(
      await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid'),
      'true',
    );
    await assertFits(page, 'the registration form with an error');

    await page.goto(`${suite.server.url}/login`);
    await signIn(page, 'nobody@example.com', 'not the password');
    assert.match(await page.getByTestId('error-password').textContent(), /Wrong email or password/);
    await page.getByRole('link', { name: 'Forgot your password?' }).waitFor();
    await assertFits(page, 'the sign-in form with an error');

    assert.deepEqual(
      unexpected(problems, [
        [400, '/api/auth/register'],
        [401, '/api/auth/login'],
      ]),
      [],
    );
  });
});

// Last in this file: the failed sign-ins it needs count against this IP too.
test('too many failed sign-ins say how long to wait', async () => {
  await withPhoneContext(async (context) => {
    const { page, problems } = await open(context, '/login');
    const banner = page.getByTestId('error-banner');
    for (let attempt = 1; attempt <= 10 && (await banner.count()) === 0; attempt += 1) {
      await signIn(page, 'throttled@example.com', `wrong password ${attempt}`);
      await page.getByTestId('error-password').or(banner).first().waitFor();
    }
    const text = await banner.textContent();
    assert.match(text, /Too many attempts/);
    assert.match(text, /Try again in \d+ (s|min)/);
    await assertFits(page, 'the sign-in form with the throttle banner');
    assert.deepEqual(
      unexpected(problems, [
        [401, '/api/auth/login'],
        [429, '/api/auth/login'],
      ]),
      [],
    );
  });
});
