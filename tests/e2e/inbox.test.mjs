// A customer's first message to a business and the staff's answer, in a real browser against
// the real binary, with Twilio replaced by the local fake (support/fake_twilio.mjs): the owner
// registers, creates a workspace and connects its own (fake) Twilio account, then keeps the
// inbox open; a customer on a 360 px phone writes through the public contact form; the
// conversation appears in the open inbox without a reload (the event stream), the welcome SMS
// goes out through the fake, and the owner replies by SMS and sees it delivered, live. Then the
// customer is a contact, linked to the conversation, and the inbox works on a phone.
//
// The owner stands in for the staff member: an owner holds the inbox permission. Sign-up codes
// are read from /api/dev/outbox (the server's own SMS provider is console); the workspace's
// messages go through the fake, whose delivery reports reach PUBLIC_BASE_URL/api/webhooks/…

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openThroughApi } from './support/booking_flows.mjs';
import { assertFits, kPhone, openPage } from './support/pages.mjs';
import { withContext } from './support/suite.mjs';
import {
  connectOwnSms,
  createWorkspace,
  registerWithPhone,
  useServerWithFakeTwilio,
  workspaceNav,
} from './support/workspace_flows.mjs';

const kOwner = {
  name: 'Nora Owner',
  email: 'nora.owner@example.com',
  phone: '(415) 555-2691',
  e164: '+14155552691',
};
const kCustomer = {
  name: 'Carl Customer',
  phone: '(415) 555-2693',
  e164: '+14155552693',
  message: 'Do you have time on Friday morning? My knee is still sore.',
};
const kReply = 'Yes: Friday at 9:30 works. See you then!';
/** The workspace's own Twilio number, and where its test message goes. */
const kTwilioNumber = '+14155552699';
const kTestRecipient = '+14155552697';
const kWorkspace = { name: 'Harbor Physio', slug: 'harbor-physio' };

const suite = useServerWithFakeTwilio();

/** Opens `path` of the server in a new page of `context`, watched for problems. */
const open = (context, path) => openPage(context, `${suite.server.url}${path}`);

/** Set by the first test for the second: the owner's signed-in browser state, the workspace. */
let ownerState = null;
let workspaceId = null;

test('a customer writes through the contact form on a phone; the inbox shows it live and the reply goes out by SMS', async () => {
  const { twilio } = suite;
  await withContext(suite.browser, {}, async (staffContext) => {
    // --- The owner registers, creates the workspace and connects its own Twilio account.
    const { page: staff, problems: staffProblems } = await open(staffContext, '/register');
    await registerWithPhone(staff, suite.server.url, kOwner);
    await staff.waitForURL(`${suite.server.url}/account`);
    workspaceId = await createWorkspace(staff, kWorkspace);
    const base = `/workspaces/${workspaceId}`;
    await workspaceNav(staff).getByRole('link', { name: 'Channels' }).click();
    await connectOwnSms(staff, twilio, kTwilioNumber);

    // Fixture: the business opens (details, a working channel, a service with hours) through
    // the API; booking.test.mjs does the same through the UI.
    await openThroughApi(staff, workspaceId, kTestRecipient);
    ownerState = await staffContext.storageState();

    // --- The inbox is open and empty, and stays open from here on.
    await workspaceNav(staff).getByRole('link', { name: 'Inbox' }).click();
    await staff.waitForURL(`${suite.server.url}${base}/inbox`);
    await staff.getByText(/^No open conversations/).waitFor();
    await staff.evaluate(() => {
      window.__inboxNeverReloaded = true;
    });

    // --- The customer writes from a phone: /w/{slug}, then its contact form.
    await withContext(suite.browser, kPhone, async (customerContext) => {
      const { page: customer, problems: customerProblems } = await open(
        customerContext,
        `/w/${kWorkspace.slug}`,
      );
      await customer.getByRole('link', { name: 'Send us a message' }).click();
      await customer.waitForURL(`${suite.server.url}/w/${kWorkspace.slug}/contact`);
      await customer.getByTestId('contact-form').waitFor();
      assert.equal(await customer.getByRole('navigation').count(), 0, 'no app navigation');

      const honeypot = customer.locator('input[name="website"]');
      assert.equal(await honeypot.getAttribute('tabindex'), '-1');
      assert.equal(await honeypot.getAttribute('autocomplete'), 'off');
      const trap = await honeypot.boundingBox();
      assert.ok(trap.x + trap.width <= 0, 'the honeypot is off screen');
      assert.equal(
        await honeypot.evaluate((input) => input.closest('[aria-hidden="true"]') !== null),
        true,
        'the honeypot is hidden from screen readers',
      );
      await assertFits(customer, 'the contact form');

      await customer.getByLabel('Your name').fill(kCustomer.name);
      await customer.getByLabel(/^Mobile number/).fill(kCustomer.phone);
      await customer.getByLabel('Message', { exact: true }).fill(kCustomer.message);
      await customer.getByRole('button', { name: 'Send message' }).click();
      const thanks = customer.getByTestId('contact-thanks');
      await thanks.waitFor();
      assert.match(await thanks.textContent(), /will reply by text message/);
      await assertFits(customer, 'the thank-you');
      assert.deepEqual(customerProblems, []);
    });

    // --- The welcome SMS leaves through the workspace's own number.
    const welcome = await twilio.waitForMessage((m) => m.to === kCustomer.e164);
    assert.equal(welcome.from, kTwilioNumber);
    assert.match(welcome.body, new RegExp(kWorkspace.name));
    assert.match(welcome.body, /Carl Customer/);

    // --- The conversation appears in the open inbox by itself (the event stream).
    const item = staff.getByTestId('conversation').filter({ hasText: kCustomer.name });
    await item.waitFor({ timeout: 15_000 });
    assert.equal(
      await staff.evaluate(() => window.__inboxNeverReloaded),
      true,
      'the inbox page was not reloaded',
    );
    await item.getByTestId('waiting').waitFor();

    // --- The staff member opens the thread and replies by SMS.
    await item.getByRole('link').click();
    await staff.waitForURL(new RegExp(`${base}/inbox/\\d+$`));
    const thread = staff.getByTestId('thread');
    const question = thread.getByTestId('message').filter({ hasText: kCustomer.message });
    await question.waitFor();
    assert.equal(await question.getAttribute('data-direction'), 'inbound');
    assert.equal(
      await thread.getByTestId('message').first().getAttribute('data-direction'),
      'inbound',
      'oldest first: the customer wrote before the welcome went out',
    );
    assert.equal(await thread.getByRole('radio', { name: 'SMS' }).isChecked(), true);
    await thread.getByLabel('Message', { exact: true }).fill(kReply);
    await thread.getByRole('button', { name: 'Send SMS' }).click();
    const answer = thread.getByTestId('message').filter({ hasText: kReply });
    await answer.waitFor();
    assert.equal(await answer.getAttribute('data-direction'), 'outbound');

    const sms = await twilio.waitForMessage((m) => m.to === kCustomer.e164 && m.body === kReply);
    assert.equal(sms.from, kTwilioNumber);
    await answer
      .getByTestId('message-state')
      .getByText('Delivered', { exact: true })
      .waitFor({ timeout: 30_000 });
    // A staff reply pauses automation for the contact until someone resumes it.
    await thread.getByTestId('automation-paused').waitFor();
    assert.equal(await staff.evaluate(() => window.__inboxNeverReloaded), true);
    assert.deepEqual(staffProblems, []);
  });
});

test('the customer is a contact linked to the conversation, and the inbox works on a phone', async () => {
  assert.ok(ownerState && workspaceId, 'needs the workspace of the test before');
  await withContext(suite.browser, { ...kPhone, storageState: ownerState }, async (context) => {
    const base = `/workspaces/${workspaceId}`;
    const { page, problems } = await open(context, `${base}/contacts`);
    const row = page.getByTestId('contact').filter({ hasText: kCustomer.name });
    await row.waitFor();
    const reach = await row.getByTestId('contact-reach').textContent();
    assert.match(reach, /\+14155552693/);
    assert.match(reach, /Contact form/);
    await assertFits(page, 'the contacts page');

    // On a phone the thread replaces the list, with a way back.
    await row.getByRole('link', { name: 'Conversation' }).click();
    await page.waitForURL(new RegExp(`${base}/inbox/\\d+$`));
    await page.getByTestId('thread').getByText(kReply).waitFor();
    assert.equal(await page.getByTestId('conversations').isVisible(), false);
    await assertFits(page, 'a conversation');
    await page.getByRole('link', { name: '← All conversations' }).click();
    await page.getByTestId('conversation').filter({ hasText: kCustomer.name }).waitFor();
    assert.equal(await page.getByTestId('thread').count(), 0);
    await assertFits(page, 'the inbox');
    assert.deepEqual(problems, []);
  });
});
