// The owner's automation page, in a real browser against the real binary (Twilio replaced by
// the local fake): every rule is listed with its messages and a switch; a customer's message
// through the contact form gets the welcome SMS; the owner switches the welcome rule off, and the
// next customer's message gets none (the conversation holds no outbound message, the fake saw
// nothing), while the rule's log still shows what it sent before, linked to its conversation.
// All of it on a 360 px phone.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiFromPage, openThroughApi } from './support/booking_flows.mjs';
import { sendContactForm } from './support/dashboard_flows.mjs';
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
  name: 'Otto Owner',
  email: 'otto.owner@example.com',
  phone: '(415) 555-2721',
  e164: '+14155552721',
};
const kTwilioNumber = '+14155552729';
const kTestRecipient = '+14155552727';
const kWorkspace = { name: 'Maple Massage', slug: 'maple-massage' };
const kFirst = { name: 'Fran First', phone: '+14155552723' };
const kSecond = { name: 'Sam Second', phone: '+14155552724' };
const kRuleKeys = [
  'welcome',
  'booking_confirmation',
  'booking_updates',
  'booking_reminder',
  'form_request',
  'form_reminder',
  'low_stock_alert',
  'pause_on_staff_reply',
];

const suite = useServerWithFakeTwilio();

const open = (context, path) => openPage(context, `${suite.server.url}${path}`);

/** The conversation of the contact with phone `phone`, with its messages (through the API). */
async function conversationOf(page, workspaceId, phone) {
  const base = `/api/workspaces/${workspaceId}/conversations`;
  const list = await apiFromPage(page, 'GET', `${base}?status=open`);
  assert.equal(list.status, 200, JSON.stringify(list.body));
  const found = list.body.conversations.find((c) => c.contact.phone === phone);
  assert.ok(found, `no conversation with ${phone}`);
  return (await apiFromPage(page, 'GET', `${base}/${found.id}`)).body;
}

test('switching the welcome rule off stops the welcome; its log keeps what it sent', async () => {
  const { twilio } = suite;
  await withContext(suite.browser, kPhone, async (context) => {
    const { page, problems } = await open(context, '/register');
    await registerWithPhone(page, suite.server.url, kOwner);
    await page.waitForURL(`${suite.server.url}/account`);
    const workspaceId = await createWorkspace(page, kWorkspace);
    const base = `/workspaces/${workspaceId}`;
    await workspaceNav(page).getByRole('link', { name: 'Channels' }).click();
    await connectOwnSms(page, twilio, kTwilioNumber);
    await openThroughApi(page, workspaceId, kTestRecipient);

    // --- A first customer writes and is welcomed by SMS.
    await sendContactForm(suite.server.url, kWorkspace.slug, kFirst, 'Any time on Monday?');
    await twilio.waitForMessage((m) => m.to === kFirst.phone);
    const first = await conversationOf(page, workspaceId, kFirst.phone);

    // --- The automation page lists every rule, each with a switch named by its title.
    await workspaceNav(page).getByRole('link', { name: 'Automation' }).click();
    await page.waitForURL(`${suite.server.url}${base}/automation`);
    const rules = page.getByTestId('rule');
    await rules.first().waitFor();
    assert.deepEqual(
      await rules.evaluateAll((items) => items.map((i) => i.dataset.rule)),
      kRuleKeys,
    );
    const rule = page.locator('[data-testid="rule"][data-rule="welcome"]');
    const title = (await rule.getByRole('heading').textContent()).trim();
    const toggle = page.getByRole('switch', { name: title });
    assert.equal(await toggle.isChecked(), true, 'rules are on by default');
    assert.match(await rule.getByTestId('rule-sent').textContent(), /^1 message sent/);
    await rule.getByText(/^What it sends: 2 messages$/).click();
    await rule.locator('[data-testid="rule-template"][data-channel="sms"]').waitFor();
    await rule.locator('[data-testid="rule-template"][data-channel="email"]').waitFor();
    await rule.getByRole('link', { name: /Settings/ }).waitFor();
    await assertFits(page, 'the automation page');

    // --- Off: the switch holds, also after a reload.
    await toggle.uncheck();
    await page.locator('[data-testid="rule"][data-rule="welcome"][data-enabled="false"]').waitFor();
    await page.reload();
    await page.getByRole('switch', { name: title }).waitFor();
    assert.equal(await page.getByRole('switch', { name: title }).isChecked(), false);

    // --- The next customer's message lands in the inbox without a welcome.
    await sendContactForm(suite.server.url, kWorkspace.slug, kSecond, 'Do you have gift cards?');
    const second = await conversationOf(page, workspaceId, kSecond.phone);
    assert.deepEqual(
      second.messages.map((m) => m.direction),
      ['inbound'],
      'no welcome was queued with the message',
    );
    // The first one's welcome went out meanwhile; give a wrongly queued one the same time.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(
      twilio.messages.filter((m) => m.to === kSecond.phone),
      [],
      'the fake Twilio saw no welcome',
    );

    // --- The log still shows the welcome sent before, linked to its conversation.
    const rerule = page.locator('[data-testid="rule"][data-rule="welcome"]');
    await rerule.getByRole('button', { name: 'Show what it sent' }).click();
    const entry = rerule.getByTestId('rule-log-entry');
    await entry.first().waitFor();
    assert.equal(await entry.count(), 1);
    assert.match(await entry.textContent(), new RegExp(`\\${kFirst.phone}`));
    await entry.getByRole('link').click();
    await page.waitForURL(`${suite.server.url}${base}/inbox/${first.id}`);
    await page.getByTestId('thread').getByRole('heading', { name: kFirst.name }).waitFor();
    assert.deepEqual(problems, []);
  });
});
