// Intake forms end to end, in a real browser against the real binary (Twilio replaced by the
// local fake): the owner builds a form with several field types linked to a service in the
// builder (a duplicate key is named beside its input); a customer books on the public page on a
// 360 px phone; the SMS with the form's /f link goes out through the fake, and the owner finds
// the request waiting and opens its booking; opening the link, answers with mistakes are refused
// with each field's error beside it (the first focused), good ones get the thank-you, and the
// link then says the form is done; the owner's open booking page shows the answers without a
// reload (the event stream), and the request is among the completed ones and the contact's. The business is
// opened through the API (support/booking_flows.mjs).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openThroughApi } from './support/booking_flows.mjs';
import { assertFits, kPhone, openPage, unexpected } from './support/pages.mjs';
import { withContext } from './support/suite.mjs';
import {
  connectOwnSms,
  createWorkspace,
  registerWithPhone,
  useServerWithFakeTwilio,
  workspaceNav,
} from './support/workspace_flows.mjs';

const kOwner = {
  name: 'Jo Owner',
  email: 'jo.owner@example.com',
  phone: '(415) 555-2661',
  e164: '+14155552661',
};
const kCustomer = { name: 'Kai Customer', phone: '(415) 555-2663', e164: '+14155552663' };
const kTwilioNumber = '+14155552669';
const kWorkspace = { name: 'Willow Clinic', slug: 'willow-clinic' };
const kZone = 'America/Los_Angeles';
const kForm = 'Health questionnaire';

const suite = useServerWithFakeTwilio();

const open = (context, path) => openPage(context, `${suite.server.url}${path}`);

/** Set by the first test for the others. */
let ownerState = null;
let workspaceId = null;
let formLink = null;
let bookingPath = null;

/** The builder's group of field `n` (1-based). */
const fieldGroup = (page, n) => page.getByRole('group', { name: `Field ${n}`, exact: true });

/** Adds a field in the builder: its type first (a consent's label input is named differently). */
async function addField(page, n, { label, type, required = false, options = null, help = '' }) {
  if (n > 1) await page.getByRole('button', { name: 'Add a field' }).click();
  const group = fieldGroup(page, n);
  await group.getByLabel('Type').selectOption(type);
  const labelInput =
    type === 'consent'
      ? group.getByLabel('What the customer agrees to')
      : group.getByLabel('Label', { exact: true });
  await labelInput.fill(label);
  if (options) await group.getByLabel('Options').fill(options.join('\n'));
  if (help) await group.getByLabel(/^Help/).fill(help);
  if (required) await group.getByLabel(/^Required/).check();
}

test('the owner builds a form with several field types, linked to a service', async () => {
  await withContext(suite.browser, { timezoneId: kZone }, async (context) => {
    const { page, problems } = await open(context, '/register');
    await registerWithPhone(page, suite.server.url, kOwner);
    await page.waitForURL(`${suite.server.url}/account`);
    workspaceId = await createWorkspace(page, kWorkspace);
    await workspaceNav(page).getByRole('link', { name: 'Channels' }).click();
    await connectOwnSms(page, suite.twilio, kTwilioNumber);
    await openThroughApi(page, workspaceId, '+14155552667');
    ownerState = await context.storageState();

    // --- Onboarding's forms step leads to the forms page.
    await workspaceNav(page).getByRole('link', { name: 'Home' }).click();
    await page
      .locator('[data-step="forms"]')
      .getByRole('link', { name: 'Build an intake form' })
      .click();
    await page.waitForURL(`${suite.server.url}/workspaces/${workspaceId}/forms`);
    await page.getByText('No forms yet. Build the first one.').waitFor();
    await page.getByRole('link', { name: 'New form' }).click();
    await page.waitForURL(/\/forms\/new$/);

    await page.getByLabel('Form name').fill(kForm);
    await page.getByLabel(/^Description/).fill('Takes two minutes. Everything stays private.');
    await addField(page, 1, { label: 'Date of birth', type: 'date', required: true });
    assert.equal(await fieldGroup(page, 1).getByLabel('Key').inputValue(), 'date_of_birth');
    await addField(page, 2, { label: 'Email', type: 'email', required: true });
    await addField(page, 3, { label: 'Email', type: 'phone' });
    await addField(page, 4, { label: 'Allergies', type: 'long_text', help: 'Medicines too.' });
    await addField(page, 5, {
      label: 'How did you hear of us',
      type: 'select',
      required: true,
      options: ['A friend', 'A search', 'A flyer'],
    });
    await addField(page, 6, { label: 'Newsletter', type: 'checkbox' });
    await addField(page, 7, {
      label: 'I agree to the treatment terms',
      type: 'consent',
      required: true,
    });
    await page.getByTestId('form-services').getByLabel('Consultation').check();

    // --- Two fields with one key: the server names the second, shown beside its key.
    await page.getByRole('button', { name: 'Create form' }).click();
    const keyError = fieldGroup(page, 3).getByTestId('error-fields[2].key');
    await keyError.waitFor();
    assert.equal(await fieldGroup(page, 3).getByLabel('Key').getAttribute('aria-invalid'), 'true');
    await fieldGroup(page, 3).getByLabel('Key').fill('phone');
    await fieldGroup(page, 3).getByLabel('Label', { exact: true }).fill('Mobile number');
    assert.equal(
      await fieldGroup(page, 3).getByLabel('Key').inputValue(),
      'phone',
      'an edited key stays',
    );

    // --- Moving a field: the newsletter box goes above the consent and back.
    await page.getByRole('button', { name: 'Move field 6 down' }).click();
    assert.equal(await fieldGroup(page, 6).getByLabel('Type').inputValue(), 'consent');
    await page.getByRole('button', { name: 'Move field 6 down' }).click();
    assert.equal(await fieldGroup(page, 7).getByLabel('Type').inputValue(), 'consent');

    await page.getByRole('button', { name: 'Create form' }).click();
    await page.getByText('The form is saved.').waitFor();
    assert.match(page.url(), /\/forms\/\d+\?saved=1$/);
    assert.equal(await page.getByTestId('form-field').count(), 7);

    // --- Listed, linked to its service.
    await page.getByRole('link', { name: '← Forms' }).click();
    const row = page.getByTestId('form-row').filter({ hasText: kForm });
    await row.waitFor();
    assert.match(await row.textContent(), /7 fields/);
    assert.match(await row.textContent(), /For: Consultation/);
    assert.deepEqual(unexpected(problems, [[400, `/api/workspaces/${workspaceId}/forms`]]), []);
  });
});

test('a customer books on a phone and gets the form by SMS; the owner finds it waiting', async () => {
  assert.ok(ownerState && workspaceId, 'needs the workspace of the first test');
  await withContext(suite.browser, { ...kPhone, timezoneId: kZone }, async (context) => {
    const { page, problems } = await open(context, `/w/${kWorkspace.slug}/book`);
    await page.getByTestId('service-choice').filter({ hasText: 'Consultation' }).click();
    await page.getByTestId('slot-day').nth(1).click();
    await page.getByTestId('slot-time').first().click();
    await page.getByLabel('Your name').fill(kCustomer.name);
    await page.getByLabel(/^Mobile number/).fill(kCustomer.phone);
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await page.getByTestId('booking-confirmation').waitFor();
    assert.deepEqual(problems, []);
  });

  // --- The form's link goes out by SMS through the workspace's number.
  const sms = await suite.twilio.waitForMessage(
    (m) => m.to === kCustomer.e164 && m.body.includes('/f#token='),
  );
  assert.equal(sms.from, kTwilioNumber);
  assert.match(sms.body, new RegExp(kForm));
  formLink = /(\/f#token=[^\s]+)/.exec(sms.body)[1].replace(/[.,)]+$/, '');

  // --- The owner finds it waiting, and its booking.
  await withContext(
    suite.browser,
    { storageState: ownerState, timezoneId: kZone },
    async (context) => {
      const { page, problems } = await open(context, `/workspaces/${workspaceId}`);
      await workspaceNav(page).getByRole('link', { name: 'Forms' }).click();
      await page.getByRole('link', { name: 'waiting', exact: true }).click();
      await page.waitForURL(/\/forms\/requests\?status=pending$/);
      assert.equal(
        await page.getByRole('button', { name: 'Waiting' }).getAttribute('aria-pressed'),
        'true',
      );
      const request = page
        .locator('[data-testid="form-request"][data-status="pending"]')
        .filter({ hasText: kForm });
      await request.waitFor();
      assert.match(await request.textContent(), new RegExp(kCustomer.name));
      await request.getByRole('link', { name: 'Open the booking' }).click();
      await page.getByTestId('booking-detail').waitFor();
      const waiting = page
        .getByTestId('booking-forms')
        .locator('[data-testid="form-request"][data-status="pending"]');
      await waiting.waitFor();
      assert.match(await waiting.getByTestId('form-request-status').textContent(), /Waiting/);
      assert.equal(await waiting.getByTestId('form-answers').count(), 0);
      bookingPath = new URL(page.url()).pathname;
      assert.deepEqual(problems, []);
    },
  );
});

test('the customer fixes refused answers and is thanked; the open booking page shows them live', async () => {
  assert.ok(formLink && bookingPath, 'needs the form link and booking of the test before');
  await withContext(
    suite.browser,
    { storageState: ownerState, timezoneId: kZone },
    async (staff) => {
      // --- The owner keeps the booking's page open.
      const { page: detail, problems: detailProblems } = await open(staff, bookingPath);
      await detail.getByTestId('booking-forms').getByTestId('form-request').waitFor();
      await detail.evaluate(() => {
        window.__detailNeverReloaded = true;
      });

      await withContext(suite.browser, { ...kPhone, timezoneId: kZone }, async (context) => {
        const { page: form, problems } = await open(context, formLink);
        await form.getByRole('heading', { name: kForm }).waitFor();
        assert.equal(await form.getByRole('navigation').count(), 0, 'no app navigation');
        assert.match(await form.getByTestId('form-business').textContent(), /Willow Clinic/);
        // Each type has its own input.
        assert.equal(await form.getByLabel('Date of birth').getAttribute('type'), 'date');
        assert.equal(await form.getByLabel('Email', { exact: true }).getAttribute('type'), 'email');
        assert.equal(await form.getByLabel(/^Mobile number/).getAttribute('type'), 'tel');
        assert.equal(await form.getByLabel(/^Allergies/).evaluate((e) => e.tagName), 'TEXTAREA');
        assert.equal(
          await form.getByLabel('How did you hear of us').evaluate((e) => e.tagName),
          'SELECT',
        );
        assert.equal(await form.getByLabel(/^Newsletter/).getAttribute('type'), 'checkbox');
        const consent = form.getByLabel('I agree to the treatment terms');
        assert.equal(await consent.getAttribute('type'), 'checkbox');
        await assertFits(form, 'the form');

        // --- Mistakes: each is named beside its field, the first focused.
        await form.getByLabel('Email', { exact: true }).fill('not-an-email');
        await form.getByLabel(/^Mobile number/).fill('12');
        await form.getByRole('button', { name: 'Send my answers' }).click();
        await form.getByTestId('form-problems').waitFor();
        const bad = [
          'date_of_birth',
          'email',
          'phone',
          'how_did_you_hear_of_us',
          'i_agree_to_the_treatment_terms',
        ];
        for (const key of bad) await form.getByTestId(`answer-error-${key}`).waitFor();
        assert.equal(await form.getByTestId('answer-error-allergies').count(), 0);
        assert.equal(await form.evaluate(() => document.activeElement?.id), 'answer-date_of_birth');
        assert.equal(await form.getByLabel('Date of birth').getAttribute('aria-invalid'), 'true');
        await assertFits(form, 'the form with its errors');

        // --- Good answers: thanks.
        await form.getByLabel('Date of birth').fill('1990-04-12');
        await form.getByLabel('Email', { exact: true }).fill('kai@example.com');
        await form.getByLabel(/^Mobile number/).fill(kCustomer.phone);
        await form.getByLabel(/^Allergies/).fill('Penicillin.\nPeanuts.');
        await form.getByLabel('How did you hear of us').selectOption('A friend');
        await consent.check();
        await form.getByRole('button', { name: 'Send my answers' }).click();
        await form.getByTestId('form-thanks').waitFor();
        await assertFits(form, 'the thank-you');

        // --- The same link again: already done.
        await form.reload();
        await form.locator('[data-testid="form-closed"][data-reason="done"]').waitFor();

        // --- A forged link is explained.
        await form.goto(`${suite.server.url}/f#token=1.forged`);
        await form.locator('[data-testid="form-closed"][data-reason="invalid"]').waitFor();
        assert.deepEqual(
          unexpected(problems, [
            [400, '/api/public/forms/submit'],
            [404, '/api/public/forms/open'],
            [409, '/api/public/forms/open'],
          ]),
          [],
        );
      });

      // --- The owner's page shows the answers by itself.
      const done = detail
        .getByTestId('booking-forms')
        .locator('[data-testid="form-request"][data-status="completed"]');
      await done.waitFor({ timeout: 15_000 });
      assert.equal(await detail.evaluate(() => window.__detailNeverReloaded), true);
      assert.match(await done.getByTestId('form-request-status').textContent(), /Completed/);
      const answers = done.getByTestId('form-answers');
      const answer = (key) => answers.locator(`[data-key="${key}"] dd`);
      assert.equal(await answer('date_of_birth').textContent(), '1990-04-12');
      assert.equal(await answer('email').textContent(), 'kai@example.com');
      assert.equal(await answer('phone').textContent(), kCustomer.e164);
      assert.equal(await answer('allergies').textContent(), 'Penicillin.\nPeanuts.');
      assert.equal(await answer('how_did_you_hear_of_us').textContent(), 'A friend');
      assert.equal(await answer('newsletter').textContent(), 'No');
      assert.equal(await answer('i_agree_to_the_treatment_terms').textContent(), 'Given');
      await answers.getByText('Date of birth').waitFor();

      // --- Among the completed requests.
      await workspaceNav(detail).getByRole('link', { name: 'Forms' }).click();
      await detail.getByRole('link', { name: 'all', exact: true }).click();
      await detail.getByRole('button', { name: 'Completed' }).click();
      const completed = detail
        .locator('[data-testid="form-request"][data-status="completed"]')
        .filter({ hasText: kForm });
      await completed.waitFor();
      assert.match(detail.url(), /\/forms\/requests\?status=completed$/);

      // --- And under the contact.
      await workspaceNav(detail).getByRole('link', { name: 'Contacts' }).click();
      const contact = detail.getByTestId('contact').filter({ hasText: kCustomer.name });
      await contact.getByRole('button', { name: 'Forms' }).click();
      const sent = contact.getByTestId('contact-forms').getByTestId('form-request');
      await sent.getByTestId('form-answers').waitFor();
      assert.equal(await sent.getAttribute('data-status'), 'completed');
      assert.deepEqual(detailProblems, []);
    },
  );
});
