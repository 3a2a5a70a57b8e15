// The owner's dashboard, in a real browser against the real binary (Twilio replaced by the local
// fake): a business with two bookings awaiting approval (a service that needs approval, booked
// online), two customers' messages through the contact form waiting for a reply, a welcome SMS
// the fake refuses (an invalid number: the message fails), an intake form overdue as soon as it
// is sent and gloves that a booking makes run low. The owner opens the app and
// lands on the dashboard, which shows each alert with its count; every alert and every listed
// item leads to the page where it is handled; the set-up steps stay reachable. A new message
// shows up without a reload, the charts are images with a summary and a table, and the page
// fits a phone.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiFromPage, openThroughApi } from './support/booking_flows.mjs';
import { bookOnline, dashboardWhen, sendContactForm } from './support/dashboard_flows.mjs';
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
  name: 'Lena Owner',
  email: 'lena.owner@example.com',
  phone: '(415) 555-2711',
  e164: '+14155552711',
};
const kTwilioNumber = '+14155552719';
const kTestRecipient = '+14155552717';
const kWorkspace = { name: 'Lakeside Dental', slug: 'lakeside-dental' };
const kPending = [
  { name: 'Hana Pending', email: 'hana@example.com' },
  { name: 'Ivan Pending', email: 'ivan@example.com' },
];
const kWaiting = { name: 'Walt Waiting', phone: '+14155552713' };
/** The fake refuses this number: the welcome SMS to it fails. */
const kUnreachable = { name: 'Uma Unreachable', phone: '+14155552714' };
const kLate = { name: 'Lou Later', email: 'lou@example.com' };
/** Books the service that uses gloves and has an intake form due long before the start. */
const kOverdue = { name: 'Olga Overdue', phone: '+14155552715' };
const kStaff = {
  name: 'Stan Staff',
  email: 'stan.staff@example.com',
  phone: '(415) 555-2716',
  e164: '+14155552716',
};

const suite = useServerWithFakeTwilio();

const open = (context, path) => openPage(context, `${suite.server.url}${path}`);

/** Set by the first test for the second. */
let ownerState = null;
let workspaceId = null;

/** The alert of `kind` on the dashboard. */
const alertOf = (page, kind) => page.locator(`[data-testid="alert"][data-kind="${kind}"]`);

/** Clicks the alert of `kind`; resolves with the path it led to (checked against its href). */
async function followAlert(page, kind) {
  const link = alertOf(page, kind).getByRole('link');
  const href = await link.getAttribute('href');
  await link.click();
  await page.waitForURL(`${suite.server.url}${href}`);
  return href;
}

/** Back to the dashboard through the nav, once it has loaded. */
async function backToDashboard(page) {
  await workspaceNav(page).getByRole('link', { name: 'Dashboard' }).click();
  await page.getByTestId('alerts').waitFor();
}

test('the owner lands on the dashboard, sees what needs attention, and each alert leads to where it is handled', async () => {
  const { twilio } = suite;
  await withContext(suite.browser, { timezoneId: 'America/Los_Angeles' }, async (context) => {
    const { page, problems } = await open(context, '/register');
    await registerWithPhone(page, suite.server.url, kOwner);
    await page.waitForURL(`${suite.server.url}/account`);
    workspaceId = await createWorkspace(page, kWorkspace);
    const base = `/workspaces/${workspaceId}`;
    await workspaceNav(page).getByRole('link', { name: 'Channels' }).click();
    await connectOwnSms(page, twilio, kTwilioNumber);
    await openThroughApi(page, workspaceId, kTestRecipient);
    ownerState = await context.storageState();

    // --- Fixtures: two bookings awaiting approval, two messages waiting, one failed SMS.
    const me = (await apiFromPage(page, 'GET', '/api/auth/me')).body;
    const service = await apiFromPage(page, 'POST', `/api/workspaces/${workspaceId}/services`, {
      name: 'Assessment',
      duration_minutes: 30,
      member_ids: [me.id],
      requires_approval: true,
    });
    assert.equal(service.status, 201, JSON.stringify(service.body));
    const pending = [];
    for (const [i, person] of kPending.entries()) {
      pending.push(await bookOnline(suite.server.url, kWorkspace.slug, service.body.id, person, i));
    }
    assert.deepEqual(
      pending.map((b) => b.status),
      ['pending', 'pending'],
    );
    // An intake form due 30 days before the start (overdue once sent) and gloves, of which
    // one booking uses two while one pair is left: the booking makes them low.
    const api = `/api/workspaces/${workspaceId}`;
    const services = (await apiFromPage(page, 'GET', `${api}/services`)).body.services;
    const consultation = services.find((s) => s.name === 'Consultation');
    const form = await apiFromPage(page, 'POST', `${api}/forms`, {
      name: 'Medical history',
      fields: [{ key: 'allergies', label: 'Allergies', type: 'text' }],
      service_ids: [consultation.id],
      due_offset_minutes: -43_200,
    });
    assert.equal(form.status, 201, JSON.stringify(form.body));
    const gloves = await apiFromPage(page, 'POST', `${api}/inventory`, {
      name: 'Gloves',
      unit: 'pairs',
      on_hand: 1,
      low_stock_threshold: 0,
    });
    assert.equal(gloves.status, 201, JSON.stringify(gloves.body));
    const usage = await apiFromPage(page, 'PUT', `${api}/services/${consultation.id}/usage`, {
      usage: [{ item_id: gloves.body.id, quantity: 2 }],
    });
    assert.equal(usage.status, 200, JSON.stringify(usage.body));
    const { slug } = kWorkspace;
    const confirmed = await bookOnline(suite.server.url, slug, consultation.id, kOverdue);
    assert.equal(confirmed.status, 'confirmed');
    await sendContactForm(suite.server.url, kWorkspace.slug, kWaiting, 'Can I come in today?');
    await twilio.waitForMessage((m) => m.to === kWaiting.phone);
    twilio.rejectTo.add(kUnreachable.phone);
    await sendContactForm(suite.server.url, kWorkspace.slug, kUnreachable, 'Call me back?');
    const ready = await dashboardWhen(
      page,
      workspaceId,
      (d) => d.messages?.failed.count === 1,
      'the failed welcome SMS',
    );
    const failedConversation = ready.messages.failed.items[0].conversation_id;
    assert.ok(failedConversation, 'the failed welcome belongs to a conversation');

    // --- Once the workspace is open, the app opens on its dashboard.
    await page.goto(`${suite.server.url}/`);
    await page.waitForURL(`${suite.server.url}${base}/dashboard`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    const alerts = page.getByTestId('alert');
    await alerts.first().waitFor();
    const shown = await alerts.evaluateAll((items) =>
      items.map((i) => [i.dataset.kind, i.querySelector('.alerts__count').textContent]),
    );
    assert.deepEqual(
      shown.sort(([a], [b]) => a.localeCompare(b)),
      [
        ['failed_messages', '1'],
        ['low_stock', '1'],
        ['overdue_forms', '1'],
        ['unconfirmed_bookings', '2'],
        ['waiting_for_reply', '2'],
      ],
    );
    assert.equal(
      (await alertOf(page, 'unconfirmed_bookings').getByRole('link').textContent()).trim(),
      '2 bookings await approval',
    );

    // --- Unconfirmed bookings: the calendar's list of bookings awaiting approval.
    assert.equal(
      await followAlert(page, 'unconfirmed_bookings'),
      `${base}/calendar?view=list&status=pending`,
    );
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    const list = page.getByRole('button', { name: 'List' });
    assert.equal(await list.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByLabel('Status').inputValue(), 'pending');
    for (const person of kPending) {
      await page
        .getByTestId('booking-row')
        .filter({ hasText: person.name })
        .and(page.locator('[data-status="pending"]'))
        .waitFor();
    }
    assert.equal(await page.getByTestId('booking-row').count(), 2, 'only those awaiting approval');

    // --- Waiting for a reply: the inbox, filtered to them.
    await backToDashboard(page);
    assert.equal(await followAlert(page, 'waiting_for_reply'), `${base}/inbox?waiting=1`);
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    assert.equal(await page.getByLabel('Waiting for a reply').isChecked(), true);
    for (const person of [kWaiting, kUnreachable]) {
      await page.getByTestId('conversation').filter({ hasText: person.name }).waitFor();
    }
    assert.equal(await page.getByTestId('conversation').count(), 2);

    // --- Failed messages: the conversation of the failed one, which shows why.
    await backToDashboard(page);
    assert.equal(
      await followAlert(page, 'failed_messages'),
      `${base}/inbox/${failedConversation}`,
    );
    const thread = page.getByTestId('thread');
    await thread.getByRole('heading', { name: kUnreachable.name }).waitFor();
    await thread
      .locator('[data-testid="message"][data-status="failed"]')
      .getByText(/^Failed: /)
      .waitFor();

    // --- One overdue form: its booking's page, which lists the booking's forms.
    await backToDashboard(page);
    assert.equal(await followAlert(page, 'overdue_forms'), `${base}/bookings/${confirmed.id}`);
    await page
      .getByTestId('booking-forms')
      .getByTestId('form-request')
      .filter({ hasText: 'Medical history' })
      .waitFor();
    await backToDashboard(page);
    const overdue = page.getByTestId('overdue-form').filter({ hasText: kOverdue.name });
    await overdue.getByRole('link').click();
    await page.waitForURL(`${suite.server.url}${base}/bookings/${confirmed.id}`);

    // --- Low stock: the item's page, with the forecast the dashboard showed.
    await backToDashboard(page);
    const low = page.getByTestId('low-stock-item').filter({ hasText: 'Gloves' });
    assert.match(await low.textContent(), /Runs out (today|tomorrow|in \d+ days)/);
    assert.equal(await followAlert(page, 'low_stock'), `${base}/inventory/${gloves.body.id}`);
    await page.locator('[data-testid="inventory-item-detail"][data-low="true"]').waitFor();
    await backToDashboard(page);
    await low.getByRole('link').click();
    await page.waitForURL(`${suite.server.url}${base}/inventory/${gloves.body.id}`);
    await page.locator('[data-testid="inventory-item-detail"][data-low="true"]').waitFor();

    // --- Each listed item leads to its own page.
    await backToDashboard(page);
    await page
      .getByTestId('unconfirmed-booking')
      .filter({ hasText: kPending[0].name })
      .getByRole('link')
      .click();
    await page.waitForURL(`${suite.server.url}${base}/bookings/${pending[0].id}`);
    await page.locator('[data-testid="booking-detail"][data-status="pending"]').waitFor();
    await backToDashboard(page);
    await page
      .getByTestId('waiting-conversation')
      .filter({ hasText: kWaiting.name })
      .getByRole('link')
      .click();
    await page.waitForURL(new RegExp(`${base}/inbox/\\d+$`));
    await page.getByTestId('thread').getByRole('heading', { name: kWaiting.name }).waitFor();
    await backToDashboard(page);
    await page.getByTestId('failed-message').getByRole('link').click();
    await page.waitForURL(`${suite.server.url}${base}/inbox/${failedConversation}`);

    // --- The set-up steps stay within reach.
    await backToDashboard(page);
    await page.getByRole('link', { name: 'Set-up steps' }).click();
    await page.waitForURL(`${suite.server.url}${base}`);
    await page.getByTestId('onboarding').waitFor();

    // --- A new message shows up on the open dashboard without a reload.
    await backToDashboard(page);
    await page.locator('[data-testid="live-state"][data-state="live"]').waitFor();
    await sendContactForm(suite.server.url, kWorkspace.slug, kLate, 'Do you take new patients?');
    await alertOf(page, 'waiting_for_reply')
      .locator('.alerts__count')
      .filter({ hasText: /^3$/ })
      .waitFor();
    await page.getByTestId('waiting-conversation').filter({ hasText: kLate.name }).waitFor();

    // --- The charts: pictures with a summary, and their numbers as tables.
    const bookingsChart = page.getByRole('img', { name: /^Bookings per day: / });
    await bookingsChart.waitFor();
    const perDay = page.getByRole('table', { name: 'Bookings per day' });
    assert.equal(await perDay.locator('tbody tr').count(), 30);
    await page.getByRole('img', { name: /^Delivery rate: / }).waitFor();
    assert.match(await page.getByTestId('delivery-rate').textContent(), /\d+ %/);

    // --- On a phone the cards stack and nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    await assertFits(page, 'the dashboard');
    assert.deepEqual(problems, []);
  });
});

test("a staff member's dashboard shows only what their permissions cover", async () => {
  assert.ok(ownerState && workspaceId, 'needs the workspace of the test before');
  const { twilio } = suite;
  const base = `/workspaces/${workspaceId}`;
  // Fixture: the owner invites a staff member by SMS (inbox and bookings, as staff get).
  await withContext(suite.browser, { storageState: ownerState }, async (context) => {
    const { page, problems } = await open(context, base);
    const invited = await apiFromPage(page, 'POST', `/api${base}/invitations`, {
      phone: kStaff.e164,
      role: 'staff',
    });
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    assert.deepEqual(problems, []);
  });
  const sms = await twilio.waitForMessage((m) => m.to === kStaff.e164);
  const link = new URL(/(\S+\/invite#token=[^\s]+)/.exec(sms.body)[1].replace(/[.,;)]+$/, ''));

  await withContext(suite.browser, kPhone, async (context) => {
    const { page, problems } = await open(context, `${link.pathname}${link.hash}`);
    await page.getByTestId('invitation-offer').waitFor();
    await page.getByRole('link', { name: 'Create an account' }).click();
    await registerWithPhone(page, suite.server.url, kStaff);
    await page.waitForURL(`${suite.server.url}/invite`);
    await page.getByRole('button', { name: `Join ${kWorkspace.name}` }).click();
    await page.waitForURL(`${suite.server.url}${base}`);

    // --- Dashboard comes first in their nav; it holds bookings and the inbox, not messages.
    await workspaceNav(page).getByRole('link', { name: 'Dashboard' }).click();
    await page.waitForURL(`${suite.server.url}${base}/dashboard`);
    await page.getByTestId('dashboard-bookings').waitFor();
    await page.getByTestId('dashboard-inbox').waitFor();
    for (const absent of ['dashboard-messages', 'dashboard-forms', 'dashboard-stock']) {
      assert.equal(await page.getByTestId(absent).count(), 0, `${absent} is not shown`);
    }
    const kinds = await page
      .getByTestId('alert')
      .evaluateAll((items) => items.map((i) => i.dataset.kind));
    assert.deepEqual(kinds, ['unconfirmed_bookings', 'waiting_for_reply']);
    // Their stream carries the events of what they see: the figures are live.
    await page.locator('[data-testid="live-state"][data-state="live"]').waitFor();
    await assertFits(page, "a staff member's dashboard");
    assert.deepEqual(problems, []);
  });
});
