// Staff work the calendar, in a real browser against the real binary (Twilio replaced by the
// local fake): the owner books a walk-in customer from the calendar, finds the booking on the
// day grid, moves it (the customer is told by SMS) and cancels it without telling them (no
// SMS; the grid keeps it, muted); the calendar feeds work and rotate; a booking awaiting
// approval is found in the list view and confirmed; a customer's C and X replies by SMS (signed
// inbound webhooks) show on the open booking page without a reload. The business is opened
// through the API (support/booking_flows.mjs).

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { apiFromPage, openThroughApi } from './support/booking_flows.mjs';
import { twilioSignature } from './support/fake_twilio.mjs';
import { openPage } from './support/pages.mjs';
import { withContext } from './support/suite.mjs';
import {
  connectOwnSms,
  createWorkspace,
  registerWithPhone,
  useServerWithFakeTwilio,
  workspaceNav,
} from './support/workspace_flows.mjs';

const kOwner = {
  name: 'Fay Owner',
  email: 'fay.owner@example.com',
  phone: '(415) 555-2671',
  e164: '+14155552671',
};
const kWalkIn = { name: 'Gus Walkin', phone: '(415) 555-2673', e164: '+14155552673' };
const kTwilioNumber = '+14155552679';
const kWorkspace = { name: 'Corner Clinic', slug: 'corner-clinic' };

const suite = useServerWithFakeTwilio();

const open = (context, path) => openPage(context, `${suite.server.url}${path}`);

/** Set by the first test for the second. */
let ownerState = null;
let workspaceId = null;

/** Clicks "Next day" until the day grid shows a booking (at most two weeks on). */
async function findOnDayGrid(page) {
  const grid = page.locator('[data-testid="calendar-grid"][data-ready="true"]');
  const block = grid.getByTestId('calendar-booking');
  for (let day = 0; day < 14; day += 1) {
    await grid.waitFor();
    if ((await block.count()) > 0) return block.first();
    const range = await page.getByTestId('calendar-range').textContent();
    await page.getByRole('button', { name: 'Next day' }).click();
    await page.getByTestId('calendar-range').filter({ hasNotText: range }).waitFor();
  }
  throw new Error('no booking on the day grid within two weeks');
}

test('staff book a walk-in from the calendar, move it (the customer is told) and cancel it quietly', async () => {
  const { twilio } = suite;
  await withContext(suite.browser, { timezoneId: 'America/Los_Angeles' }, async (context) => {
    const { page, problems } = await open(context, '/register');
    await registerWithPhone(page, suite.server.url, kOwner);
    await page.waitForURL(`${suite.server.url}/account`);
    workspaceId = await createWorkspace(page, kWorkspace);
    await workspaceNav(page).getByRole('link', { name: 'Channels' }).click();
    await connectOwnSms(page, twilio, kTwilioNumber);
    await openThroughApi(page, workspaceId, '+14155552677');
    ownerState = await context.storageState();

    // --- A new booking for a new customer, from the calendar.
    await workspaceNav(page).getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('button', { name: 'New booking' }).click();
    await page.getByRole('button', { name: 'New customer' }).click();
    const customer = page.getByTestId('new-contact');
    await customer.getByLabel('Name').fill(kWalkIn.name);
    await customer.getByLabel(/^Mobile number/).fill(kWalkIn.phone);
    await page.getByTestId('slot-day').nth(1).click();
    await page.getByTestId('slot-time').nth(2).click();
    await page.getByTestId('slot-chosen').waitFor();
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await page.getByRole('link', { name: 'Open the booking' }).waitFor();
    const booked = await twilio.waitForMessage((m) => m.to === kWalkIn.e164);
    assert.match(booked.body, /is booked for/);

    // --- It is on the day grid; its page tells the rest.
    const block = await findOnDayGrid(page);
    assert.equal(await block.getAttribute('data-status'), 'confirmed');
    await block.getByRole('link').click();
    const detail = page.getByTestId('booking-detail');
    await detail.waitFor();
    assert.equal(await detail.getAttribute('data-status'), 'confirmed');
    await page.getByTestId('booking-reminders').locator('li').first().waitFor();

    // --- Moved to another day: the customer is told.
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    const move = page.getByTestId('move-booking');
    await move.getByTestId('slot-day').nth(2).click();
    await move.getByTestId('slot-time').first().click();
    await move.getByRole('button', { name: /^Move to / }).click();
    await page.getByText(/^Moved to .*is told\.$/).waitFor();
    await twilio.waitForMessage((m) => m.to === kWalkIn.e164 && /is moved to/.test(m.body));

    // --- Cancelled without a message.
    await page.getByLabel(/^Tell Gus Walkin by message/).uncheck();
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByText('The booking is cancelled.', { exact: true }).waitFor();
    await page.locator('[data-testid="booking-detail"][data-status="cancelled"]').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(
      twilio.messages.filter((m) => m.to === kWalkIn.e164 && /cancel+ed/.test(m.body)),
      [],
      'no cancellation SMS when staff chose not to tell',
    );

    // --- The grid keeps it, marked cancelled.
    await page.getByRole('link', { name: '← Calendar' }).click();
    const muted = await findOnDayGrid(page);
    assert.equal(await muted.getAttribute('data-status'), 'cancelled');

    // --- The calendar feeds: an iCalendar URL each, and a new one stops the old.
    const feed = page.locator('[data-testid="calendar-feed"][data-scope="member"]');
    const url = await feed.getByRole('textbox').inputValue();
    const ics = await fetch(url);
    assert.equal(ics.status, 200);
    assert.match(ics.headers.get('content-type'), /^text\/calendar/);
    assert.match(await ics.text(), /^BEGIN:VCALENDAR\r\n/);
    await page.locator('[data-testid="calendar-feed"][data-scope="workspace"]').waitFor();
    await feed.getByRole('button', { name: 'New link' }).click();
    await feed.getByRole('button', { name: 'Yes, new link' }).click();
    await feed.getByText(/the old one has stopped working/).waitFor();
    assert.notEqual(await feed.getByRole('textbox').inputValue(), url);
    assert.equal((await fetch(url)).status, 404, 'the old link stopped working');
    assert.deepEqual(problems, []);
  });
});

test('a booking awaiting approval is found in the list and confirmed', async () => {
  assert.ok(ownerState && workspaceId, 'needs the workspace of the test before');
  await withContext(
    suite.browser,
    { storageState: ownerState, timezoneId: 'America/Los_Angeles' },
    async (context) => {
      const { page, problems } = await open(context, `/workspaces/${workspaceId}/calendar`);
      // Fixture: the service now needs approval, and a customer books it online.
      const base = `/api/workspaces/${workspaceId}`;
      const [service] = (await apiFromPage(page, 'GET', `${base}/services`)).body.services;
      const patched = await apiFromPage(page, 'PATCH', `${base}/services/${service.id}`, {
        requires_approval: true,
      });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
      const to = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      const slots = await (
        await fetch(
          `${suite.server.url}/api/public/${kWorkspace.slug}/services/${service.id}/slots?from=${from}&to=${to}`,
        )
      ).json();
      const made = await fetch(`${suite.server.url}/api/public/${kWorkspace.slug}/bookings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          service_id: service.id,
          start: slots.slots[0].start,
          name: 'Hana Pending',
          email: 'hana@example.com',
        }),
      });
      assert.equal(made.status, 201, await made.text());

      // --- The list, filtered to what is awaiting approval.
      await page.getByRole('button', { name: 'List' }).click();
      await page.getByLabel('Status').selectOption('pending');
      await page.getByLabel('Until').fill(to);
      await page.getByRole('button', { name: 'Show' }).click();
      const row = page.getByTestId('booking-row').filter({ hasText: 'Hana Pending' });
      await row.and(page.locator('[data-status="pending"]')).waitFor();
      // The walk-in's cancelled booking leaves the list: only pending ones remain.
      await page
        .getByTestId('booking-row')
        .filter({ hasText: kWalkIn.name })
        .waitFor({ state: 'detached' });
      assert.equal(await page.getByTestId('booking-row').count(), 1, 'only pending ones');
      await row.getByRole('link').click();
      await page.getByRole('button', { name: 'Confirm booking' }).click();
      await page.getByText('The booking is confirmed.').waitFor();
      await page.locator('[data-testid="booking-detail"][data-status="confirmed"]').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Confirm booking' }).count(), 0);
      assert.deepEqual(problems, []);
    },
  );
});

/** Posts an inbound SMS from `from` to the workspace's number, signed as Twilio signs it. */
async function inboundSms(from, body) {
  const url = `${suite.server.url}/api/webhooks/twilio/inbound`;
  const params = {
    AccountSid: suite.twilio.accountSid,
    From: from,
    To: kTwilioNumber,
    Body: body,
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    NumMedia: '0',
  };
  const answer = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': twilioSignature(suite.twilio.authToken, url, params),
    },
    body: new URLSearchParams(params),
  });
  assert.equal(answer.status, 200, await answer.text());
}

test("a customer's C and X replies by SMS show at once on the booking's page", async () => {
  assert.ok(ownerState && workspaceId, 'needs the workspace of the first test');
  const customer = { name: 'Ida Replies', e164: '+14155552674' };
  await withContext(
    suite.browser,
    { storageState: ownerState, timezoneId: 'America/Los_Angeles' },
    async (context) => {
      const { page, problems } = await open(context, `/workspaces/${workspaceId}/calendar`);
      // Fixture: a booking made by staff through the API, with its confirmation SMS.
      const base = `/api/workspaces/${workspaceId}`;
      const service = (await apiFromPage(page, 'GET', `${base}/services`)).body.services[0];
      const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      const to = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
      const slots = await apiFromPage(
        page,
        'GET',
        `${base}/services/${service.id}/slots?from=${from}&to=${to}`,
      );
      const made = await apiFromPage(page, 'POST', `${base}/bookings`, {
        service_id: service.id,
        start: slots.body.slots[0].start,
        contact: { name: customer.name, phone: customer.e164 },
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      await suite.twilio.waitForMessage((m) => m.to === customer.e164);

      await page.goto(`${suite.server.url}/workspaces/${workspaceId}/bookings/${made.body.id}`);
      const detail = page.getByTestId('booking-detail');
      await detail.waitFor();
      await page.evaluate(() => {
        window.__detailNeverReloaded = true;
      });

      // --- "C" confirms: the page says so by itself.
      await inboundSms(customer.e164, 'C');
      await detail.getByText(/The customer confirmed on/).waitFor({ timeout: 15_000 });

      // --- "X" cancels it, cancelled by the customer.
      await inboundSms(customer.e164, 'x');
      await page
        .locator('[data-testid="booking-detail"][data-status="cancelled"]')
        .waitFor({ timeout: 15_000 });
      await detail.getByText(/Cancelled by the customer/).waitFor();
      assert.equal(await page.evaluate(() => window.__detailNeverReloaded), true);
      assert.deepEqual(problems, []);
    },
  );
});
