// Inventory end to end, in a real browser against the real binary: the owner adds an item with
// a low-stock level and sets what one booking of a service uses; a confirmed booking reserves
// it (the open inventory page shows it reserved and low, live); a second one needs more than is
// on hand and the forecast says in how many days it runs out; `?low=1` lists only low items;
// completing the booking uses the stock up and the item's history says who did it and for which
// booking; a refused adjustment names its field; a restock through the page clears the low
// badge. The business is opened through the API (support/booking_flows.mjs); one fixture moves
// the booking into the past, as completing needs a booking that has started.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiFromPage, openThroughApi } from './support/booking_flows.mjs';
import { sql } from './support/database.mjs';
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
  name: 'Lee Owner',
  email: 'lee.owner@example.com',
  phone: '(415) 555-2651',
  e164: '+14155552651',
};
const kTwilioNumber = '+14155552659';
const kWorkspace = { name: 'Maple Spa', slug: 'maple-spa' };
const kZone = 'America/Los_Angeles';
const kItem = 'Massage oil';

const suite = useServerWithFakeTwilio();

const open = (context, path) => openPage(context, `${suite.server.url}${path}`);

/** The item's row in the stock table. */
const itemRow = (page) => page.getByTestId('inventory-item').filter({ hasText: kItem });

/** Waits until the row's cell `testId` reads `value`. */
async function cellIs(page, testId, value) {
  await itemRow(page)
    .getByTestId(testId)
    .filter({ hasText: new RegExp(`^${value}$`) })
    .waitFor({ timeout: 15_000 });
}

test('stock is reserved by a confirmed booking, used by a completed one, and restocked', async () => {
  await withContext(suite.browser, { timezoneId: kZone }, async (context) => {
    const { page, problems } = await open(context, '/register');
    await registerWithPhone(page, suite.server.url, kOwner);
    await page.waitForURL(`${suite.server.url}/account`);
    const workspaceId = await createWorkspace(page, kWorkspace);
    await workspaceNav(page).getByRole('link', { name: 'Channels' }).click();
    await connectOwnSms(page, suite.twilio, kTwilioNumber);
    await openThroughApi(page, workspaceId, '+14155552657');
    const base = `/api/workspaces/${workspaceId}`;

    // --- An item: 3 bottles, low at 1.
    await workspaceNav(page).getByRole('link', { name: 'Inventory' }).click();
    await page.getByText('No items yet.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Add an item' }).click();
    await page.getByLabel('Item name').fill(kItem);
    await page.getByLabel('Unit').fill('bottle');
    await page.getByLabel('On hand now').fill('3');
    await page.getByLabel(/^Low at/).fill('1');
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.getByText(`${kItem} was added.`).waitFor();
    await cellIs(page, 'item-on-hand', '3');
    await cellIs(page, 'item-available', '3');
    assert.equal(await itemRow(page).getAttribute('data-low'), 'false');
    assert.match(await itemRow(page).getByTestId('item-forecast').textContent(), /covered/);

    // --- One booking of the consultation uses 2 of them.
    const usage = page.getByTestId('service-usage');
    assert.notEqual(await usage.getByLabel('Service').inputValue(), '', 'a service is chosen');
    await usage.getByRole('button', { name: 'Add an item' }).click();
    await usage.getByLabel('Item 1', { exact: true }).selectOption({ label: `${kItem} (bottle)` });
    await usage.getByLabel('Quantity of item 1').fill('2');
    await usage.getByRole('button', { name: 'Save usage' }).click();
    await usage.getByText(/^Saved: what one Consultation booking uses\.$/).waitFor();

    // --- A confirmed booking reserves it: the open page shows it by itself, low.
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
      contact: { name: 'Nia Guest', phone: '+14155552653' },
      notify: false,
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    await cellIs(page, 'item-reserved', '2');
    await cellIs(page, 'item-available', '1');
    await itemRow(page).getByTestId('low-badge').waitFor();
    assert.match(await itemRow(page).getByTestId('item-forecast').textContent(), /covered/);

    // --- A second one, two days later, needs more than is on hand: the forecast says when.
    const later = slots.body.slots.find(
      (slot) => Date.parse(slot.start) >= Date.parse(made.body.start) + 2 * 86_400_000,
    );
    const second = await apiFromPage(page, 'POST', `${base}/bookings`, {
      service_id: service.id,
      start: later.start,
      contact: { name: 'Oli Guest', phone: '+14155552654' },
      notify: false,
    });
    assert.equal(second.status, 201, JSON.stringify(second.body));
    await cellIs(page, 'item-reserved', '4');
    await cellIs(page, 'item-available', '-1');
    assert.match(
      await itemRow(page).getByTestId('item-forecast').textContent(),
      /^runs out in \d+ days$/,
    );

    // --- Only the low ones.
    await page.goto(`${suite.server.url}/workspaces/${workspaceId}/inventory?low=1`);
    assert.equal(await page.getByLabel(/^Only low items/).isChecked(), true);
    await itemRow(page).waitFor();
    assert.equal(await page.getByTestId('inventory-item').count(), 1);

    // --- Fixture: the booking moves three days back, so it has started and can be completed.
    const shift = 3 * 86_400_000;
    await sql(
      suite.server.dataDir,
      `UPDATE bookings SET start_at = start_at - ${shift}, end_at = end_at - ${shift},
         busy_from = busy_from - ${shift}, busy_until = busy_until - ${shift}
       WHERE id = ${made.body.id};`,
    );
    await page.goto(`${suite.server.url}/workspaces/${workspaceId}/bookings/${made.body.id}`);
    await page.getByRole('button', { name: 'Mark completed' }).click();
    await page.locator('[data-testid="booking-detail"][data-status="completed"]').waitFor();

    // --- Used up: on hand 1, nothing reserved; the history says who and for which booking.
    await workspaceNav(page).getByRole('link', { name: 'Inventory' }).click();
    await cellIs(page, 'item-on-hand', '1');
    await cellIs(page, 'item-reserved', '2');
    await itemRow(page).getByRole('link', { name: kItem }).click();
    const detail = page.getByTestId('inventory-item-detail');
    await detail.waitFor();
    assert.equal(await detail.getAttribute('data-low'), 'true');
    const consumed = page.locator('[data-testid="ledger-entry"][data-kind="consume"]');
    await consumed.waitFor();
    assert.match(
      await consumed.getByTestId('ledger-deltas').textContent(),
      /on hand −2 · reserved −2/,
    );
    assert.match(await consumed.getByTestId('ledger-who').textContent(), /Lee Owner/);
    await consumed.getByRole('link', { name: /Booking/ }).waitFor();
    const kinds = await page
      .getByTestId('ledger-entry')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    assert.deepEqual(kinds, ['consume', 'reserve', 'reserve', 'initial'], 'newest first');

    // --- An adjustment needs a reason: named beside its input.
    await page.getByLabel('Adjustment', { exact: true }).check();
    await page.getByLabel(/^Change/).fill('-1');
    await page.getByRole('button', { name: 'Record adjustment' }).click();
    await page.getByTestId('error-reason').waitFor();

    // --- A restock clears the low badge.
    await page.getByLabel('Restock', { exact: true }).check();
    await page.getByLabel(/^Quantity received/).fill('5');
    await page.getByLabel(/^Reason/).fill('Delivery 4411');
    await page.getByRole('button', { name: 'Record restock' }).click();
    await page.getByText('Restocked 5 bottle: 6 on hand.').waitFor();
    await page.locator('[data-testid="inventory-item-detail"][data-low="false"]').waitFor();
    const restock = page.locator('[data-testid="ledger-entry"][data-kind="restock"]');
    await restock.getByText('Delivery 4411').waitFor();
    assert.match(await restock.getByTestId('ledger-who').textContent(), /Lee Owner/);

    await page.getByRole('link', { name: '← Inventory' }).click();
    await cellIs(page, 'item-on-hand', '6');
    await cellIs(page, 'item-available', '4');
    assert.equal(await itemRow(page).getByTestId('low-badge').count(), 0);
    assert.match(await itemRow(page).getByTestId('item-forecast').textContent(), /covered/);
    await page.getByLabel(/^Only low items/).check();
    await page.getByText('Nothing is low.').waitFor();
    assert.deepEqual(unexpected(problems, [[400, `${base}/inventory/`]]), []);
    const ownerState = await context.storageState();

    // --- On a phone the table scrolls inside itself; the page does not.
    await withContext(
      suite.browser,
      { ...kPhone, storageState: ownerState, timezoneId: kZone },
      async (phoneContext) => {
        const { page: phone, problems: phoneProblems } = await open(
          phoneContext,
          `/workspaces/${workspaceId}/inventory`,
        );
        await itemRow(phone).waitFor();
        await assertFits(phone, 'the inventory page');
        assert.deepEqual(phoneProblems, []);
      },
    );
  });
});
