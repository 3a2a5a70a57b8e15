// Booking end to end, in a real browser against the real binary, Twilio replaced by the local
// fake: the owner registers, connects the workspace's own (fake) Twilio account, adds a
// service and weekly hours through the UI and opens the business; the public booking page
// then offers free times. A customer on a 360 px phone books one; the confirmation SMS goes
// out through the fake with a manage link; the customer opens it and cancels; the owner, who
// kept the calendar open, sees the booking appear and then cancelled without a reload (the
// event stream), and its page tells the whole story.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addService,
  connectWorkingSms,
  fillDetails,
  manageLinkIn,
  setDailyHours,
} from './support/booking_flows.mjs';
import { assertFits, kPhone, openPage, unexpected } from './support/pages.mjs';
import { withContext } from './support/suite.mjs';
import {
  createWorkspace,
  registerWithPhone,
  useServerWithFakeTwilio,
  workspaceNav,
} from './support/workspace_flows.mjs';

const kOwner = {
  name: 'Bea Owner',
  email: 'bea.owner@example.com',
  phone: '(415) 555-2681',
  e164: '+14155552681',
};
const kCustomer = {
  name: 'Cleo Customer',
  phone: '(415) 555-2683',
  e164: '+14155552683',
  note: 'Left knee, since the marathon.',
};
const kTwilioNumber = '+14155552689';
const kTestRecipient = '+14155552687';
const kWorkspace = { name: 'Bayside Physio', slug: 'bayside-physio' };
const kBusinessZone = 'Europe/Berlin';
const kCustomerZone = 'America/Chicago';
const kService = 'Knee check';

const suite = useServerWithFakeTwilio();

const open = (context, path) => openPage(context, `${suite.server.url}${path}`);

/** Set by the first test for the second: the owner's browser state, the workspace. */
let ownerState = null;
let workspaceId = null;

test('the owner adds a service and weekly hours; the public booking page then offers free times', async () => {
  await withContext(suite.browser, { timezoneId: kBusinessZone }, async (context) => {
    const { page, problems } = await open(context, '/register');
    await registerWithPhone(page, suite.server.url, kOwner);
    await page.waitForURL(`${suite.server.url}/account`);
    workspaceId = await createWorkspace(page, kWorkspace);
    await fillDetails(page, workspaceId, kBusinessZone);
    await connectWorkingSms(page, suite.twilio, kTwilioNumber, kTestRecipient);

    // --- Onboarding's services step links to the services page; then the hours.
    await workspaceNav(page).getByRole('link', { name: 'Home' }).click();
    const step = page.locator('[data-step="services"]');
    await step.waitFor();
    assert.equal(await step.getAttribute('data-state'), 'todo');
    await step.getByRole('link', { name: 'Add your services' }).waitFor();
    await addService(page, kService, 30);
    await setDailyHours(page);
    assert.match(await page.getByTestId('hours-zone').textContent(), /Europe\/Berlin/);

    // --- Before it opens, its booking page says so.
    const early = await context.newPage();
    await early.goto(`${suite.server.url}/w/${kWorkspace.slug}/book`);
    await early.getByTestId('public-not-open').waitFor();
    await early.close();

    // --- The business opens.
    await workspaceNav(page).getByRole('link', { name: 'Home' }).click();
    await page.locator('[data-step="services"][data-state="done"]').waitFor();
    await page.getByRole('button', { name: `Activate ${kWorkspace.name}` }).click();
    await page.getByText(`${kWorkspace.name} is open`).waitFor();
    ownerState = await context.storageState();
    assert.deepEqual(problems, []);
  });

  // --- Anyone sees free times on the public booking page, on a phone.
  await withContext(suite.browser, { ...kPhone, timezoneId: kBusinessZone }, async (context) => {
    const { page, problems } = await open(context, `/w/${kWorkspace.slug}`);
    await page.getByRole('link', { name: 'Book an appointment' }).click();
    await page.waitForURL(`${suite.server.url}/w/${kWorkspace.slug}/book`);
    await page.getByTestId('service-choice').filter({ hasText: kService }).click();
    await page.getByTestId('slot-time').first().waitFor({ timeout: 15_000 });
    assert.ok((await page.getByTestId('slot-day').count()) >= 7, 'a week and more of days');
    // Same zone as the business: nothing to choose.
    await page.getByTestId('zone-note').waitFor();
    await assertFits(page, 'the booking page');
    assert.deepEqual(problems, []);
  });
});

test('a customer books on a phone, gets the SMS, cancels by its link; the calendar shows it live', async () => {
  assert.ok(ownerState && workspaceId, 'needs the workspace of the test before');
  const { twilio } = suite;
  await withContext(
    suite.browser,
    { storageState: ownerState, timezoneId: kBusinessZone },
    async (staffContext) => {
      // --- The owner keeps the calendar's list open.
      const { page: staff, problems: staffProblems } = await open(
        staffContext,
        `/workspaces/${workspaceId}/calendar`,
      );
      await staff.getByTestId('live-state').and(staff.locator('[data-state="live"]')).waitFor();
      await staff.getByRole('button', { name: 'List' }).click();
      await staff.getByText('No bookings match.').waitFor();
      await staff.evaluate(() => {
        window.__calendarNeverReloaded = true;
      });

      await withContext(
        suite.browser,
        { ...kPhone, timezoneId: kCustomerZone },
        async (customerContext) => {
          // --- The customer books, seeing times in their own zone.
          const { page: customer, problems } = await open(
            customerContext,
            `/w/${kWorkspace.slug}/book`,
          );
          assert.equal(await customer.getByRole('navigation').count(), 0, 'no app navigation');
          await customer.getByTestId('service-choice').filter({ hasText: kService }).click();
          const zones = customer.getByTestId('zone-choice');
          await zones.waitFor();
          assert.equal(await zones.getByLabel(/^Your time \(America\/Chicago\)/).isChecked(), true);
          await customer.getByTestId('slot-day').nth(1).click();
          await customer.getByTestId('slot-time').first().click();
          await customer.getByRole('heading', { name: 'Your details' }).waitFor();
          await customer.getByLabel('Your name').fill(kCustomer.name);
          await customer.getByLabel(/^Mobile number/).fill(kCustomer.phone);
          await customer.getByLabel(/^Note for us/).fill(kCustomer.note);
          await assertFits(customer, 'the details step');
          await customer.getByRole('button', { name: 'Book', exact: true }).click();
          const confirmation = customer.getByTestId('booking-confirmation');
          await confirmation.waitFor();
          assert.match(await confirmation.textContent(), /by text message to/);
          assert.match(
            await confirmation.getByTestId('summary-service').textContent(),
            /Knee check/,
          );
          await assertFits(customer, 'the confirmation');

          // --- The confirmation SMS leaves through the workspace's number, with its link.
          const sms = await twilio.waitForMessage(
            (m) => m.to === kCustomer.e164 && m.body.includes('/b#token='),
          );
          assert.equal(sms.from, kTwilioNumber);
          assert.match(sms.body, /Reply C to confirm or X to cancel/);
          assert.doesNotMatch(sms.body, /\bCANCEL\b|\bSTOP\b/);

          // --- The owner's list shows it by itself.
          const row = staff.getByTestId('booking-row').filter({ hasText: kService });
          await row.and(staff.locator('[data-status="confirmed"]')).waitFor({ timeout: 15_000 });

          // --- The customer opens the link and cancels.
          const { page: manage, problems: manageProblems } = await open(
            customerContext,
            manageLinkIn(sms.body),
          );
          const managed = manage.getByTestId('managed-booking');
          await managed.waitFor();
          assert.equal(await managed.getAttribute('data-status'), 'confirmed');
          await assertFits(manage, 'the manage page');
          await manage.getByRole('button', { name: 'Cancel the appointment' }).click();
          await manage.getByRole('button', { name: 'Yes, cancel it' }).click();
          await manage.getByText('Your appointment is cancelled.').waitFor();
          await manage
            .locator('[data-testid="managed-booking"][data-status="cancelled"]')
            .waitFor();
          await manage.getByTestId('manage-closed').waitFor();
          assert.deepEqual(problems, []);
          assert.deepEqual(manageProblems, []);
        },
      );

      // --- The owner sees it cancelled, still without a reload.
      const row = staff.getByTestId('booking-row').filter({ hasText: kService });
      await row.and(staff.locator('[data-status="cancelled"]')).waitFor({ timeout: 15_000 });
      assert.equal(await staff.evaluate(() => window.__calendarNeverReloaded), true);

      // --- Its page: cancelled by the customer, and the conversation holds both events.
      await row.getByRole('link').click();
      const detail = staff.getByTestId('booking-detail');
      await detail.waitFor();
      assert.equal(await detail.getAttribute('data-status'), 'cancelled');
      await detail.getByText(/Cancelled by the customer/).waitFor();
      await detail.getByText(kCustomer.note).waitFor();
      await staff.getByTestId('thread-event').nth(1).waitFor();
      await staff.getByTestId('booking-final').waitFor();

      // --- The inbox thread shows the same events among the messages, in time order.
      await detail.getByRole('link', { name: 'Conversation in the inbox' }).click();
      const thread = staff.getByTestId('thread');
      await thread.getByTestId('thread-event').nth(1).waitFor();
      // The confirmation and the answer to the cancellation.
      await thread.locator('[data-testid="message"][data-direction="outbound"]').nth(1).waitFor();
      const times = await thread
        .locator('[data-testid="messages"] > li time')
        .evaluateAll((items) => items.map((t) => Date.parse(t.getAttribute('datetime'))));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => a - b),
        'events and messages in time order',
      );
      assert.deepEqual(staffProblems, []);
    },
  );
});

test('two customers race for one time: the later one is told and books a fresh time, then moves it by the link', async () => {
  assert.ok(workspaceId, 'needs the open workspace of the first test');
  await withContext(suite.browser, { ...kPhone, timezoneId: kBusinessZone }, async (context) => {
    const { page, problems } = await open(context, `/w/${kWorkspace.slug}/book`);
    await page.getByTestId('service-choice').filter({ hasText: kService }).click();
    await page.getByTestId('slot-day').nth(2).click();
    const first = page.getByTestId('slot-time').first();
    const start = await first.getAttribute('data-start');
    await first.click();
    await page.getByLabel('Your name').fill('Dana Late');
    await page.getByLabel(/^Mobile number/).fill('(415) 555-2684');

    // --- Someone else takes that very time first.
    const services = await (
      await fetch(`${suite.server.url}/api/public/${kWorkspace.slug}/services`)
    ).json();
    const serviceId = services.services.find((s) => s.name === kService).id;
    const taken = await fetch(`${suite.server.url}/api/public/${kWorkspace.slug}/bookings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        service_id: serviceId,
        start,
        name: 'Eli Early',
        phone: '+14155552685',
      }),
    });
    assert.equal(taken.status, 201, await taken.text());

    // --- The late one is told, and books one of the fresh times offered.
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    const notice = page.getByTestId('slot-taken');
    await notice.waitFor();
    assert.match(await notice.textContent(), /That time was just taken/);
    const fresh = notice.getByTestId('slot-time');
    assert.ok((await fresh.count()) > 0, 'fresh times of that day are offered');
    assert.notEqual(await fresh.first().getAttribute('data-start'), start);
    await fresh.first().click();
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await page.getByTestId('booking-confirmation').waitFor();

    // --- The confirmation's own link moves it to another time.
    await page.getByRole('link', { name: 'Change or cancel' }).click();
    await page.getByTestId('managed-booking').waitFor();
    const before = await page.getByTestId('summary-when').textContent();
    await page.getByRole('button', { name: 'Change the time' }).click();
    const reschedule = page.getByTestId('reschedule');
    await reschedule.getByTestId('slot-day').nth(3).click();
    await reschedule.getByTestId('slot-time').last().click();
    await reschedule.getByRole('button', { name: /^Move to / }).click();
    await page.getByText('Your appointment is moved.', { exact: false }).waitFor();
    assert.notEqual(await page.getByTestId('summary-when').textContent(), before);
    await assertFits(page, 'the manage page');

    // --- A forged link is explained, not shown.
    await page.goto(`${suite.server.url}/b#token=1.1796407200000.0000`);
    const problem = page.getByTestId('manage-problem');
    await problem.waitFor();
    assert.match(await problem.textContent(), /This link is not valid/);
    assert.deepEqual(
      unexpected(problems, [
        [409, `/api/public/${kWorkspace.slug}/bookings`],
        [404, '/api/public/bookings/manage'],
      ]),
      [],
    );
  });
});
