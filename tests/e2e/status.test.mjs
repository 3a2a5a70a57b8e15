// The status page against the real binary in a real Chromium: the first browser test.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFits, kPhone, withPage as withBrowserPage } from './support/pages.mjs';
import { useServerAndBrowser } from './support/suite.mjs';

const suite = useServerAndBrowser();

/** Runs `body(page, problems)` on a new watched page in a fresh context, closed afterwards. */
const withPage = (options, body) => withBrowserPage(suite.browser, options, body);

const testId = (page, id) => page.getByTestId(id);

test('status page shows what the server reports', async () => {
  await withPage({}, async (page, problems) => {
    const response = await page.goto(`${suite.server.url}/status`);
    assert.equal(response.status(), 200);
    await testId(page, 'status-version').waitFor();

    assert.match((await testId(page, 'status-version').textContent()).trim(), /^\d+\.\d+\.\d+$/);
    assert.match(await testId(page, 'status-database').textContent(), /sqlite/i);
    assert.match(await testId(page, 'status-database').textContent(), /reachable/i);
    assert.match(await testId(page, 'status-migrations').textContent(), /up to date/);
    assert.match(await testId(page, 'status-sms').textContent(), /console/);
    assert.match(await testId(page, 'status-email').textContent(), /console/);
    assert.match(await testId(page, 'status-uptime').textContent(), /\d+ (s|min|h|d)\b/);
    assert.equal(await page.title(), 'Status · CareOps');

    await testId(page, 'status-refresh').click();
    await page.getByText(/Checked at/).waitFor();
    await testId(page, 'status-version').waitFor();

    // A reload revalidates index.html (304); the page must still run under the page policy.
    await page.reload();
    await testId(page, 'status-version').waitFor();

    assert.deepEqual(problems, []);
  });
});

test('home redirects to the status page', async () => {
  await withPage({}, async (page, problems) => {
    await page.goto(`${suite.server.url}/`);
    await page.waitForURL(`${suite.server.url}/status`);
    await testId(page, 'status-version').waitFor();
    assert.deepEqual(problems, []);
  });
});

test('unknown paths show the not-found page with a way home', async () => {
  await withPage({}, async (page, problems) => {
    await page.goto(`${suite.server.url}/no-such-page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    assert.match(await testId(page, 'not-found').textContent(), /\/no-such-page/);

    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await testId(page, 'status-version').waitFor();
    assert.equal(new URL(page.url()).pathname, '/status');

    // The server may answer unknown app paths with a 404 status and index.html; Chromium
    // logs that as a failed resource load, which is not a fault of the page.
    const real = problems.filter((p) => !/Failed to load resource.*404/.test(p));
    assert.deepEqual(real, []);
  });
});

test('status page fits a 360 px wide phone screen', async () => {
  await withPage(kPhone, async (page, problems) => {
    await page.goto(`${suite.server.url}/status`);
    await testId(page, 'status-version').waitFor();
    await assertFits(page, 'the status page');
    assert.deepEqual(problems, []);
  });
});

test('an API error shows the error banner, and Retry recovers', async () => {
  await withPage({}, async (page) => {
    await page.route('**/api/status', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({ error: { code: 'unavailable', message: 'database unreachable' } }),
      }),
    );
    await page.goto(`${suite.server.url}/status`);
    const banner = testId(page, 'error-banner');
    await banner.waitFor();
    const text = await banner.textContent();
    assert.match(text, /database unreachable/);
    assert.match(text, /could not do this right now/i);
    assert.match(text, /retry/i);

    await page.unroute('**/api/status');
    await banner.getByRole('button', { name: 'Retry' }).click();
    await testId(page, 'status-version').waitFor();
    assert.equal(await banner.count(), 0);
  });
});

test('an unreachable server shows what to do', async () => {
  await withPage({}, async (page) => {
    await page.route('**/api/status', (route) => route.abort('connectionrefused'));
    await page.goto(`${suite.server.url}/status`);
    const banner = testId(page, 'error-banner');
    await banner.waitFor();
    assert.match(await banner.textContent(), /Could not reach the server/);
    await banner.getByRole('button', { name: 'Retry' }).waitFor();
  });
});
