// What the browser test files share about pages: opening one while watching it for problems,
// checking that it fits a phone screen, telling provoked error answers from faults, and
// reading the SMS codes the console provider "sent" from the development outbox.

import assert from 'node:assert/strict';
import { watchForProblems } from './browser.mjs';
import { withContext } from './suite.mjs';

/** Browser context options for a 360 px wide touch phone. */
export const kPhone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/**
 * Opens `url` in a new page of `context`, watched by watchForProblems, and checks that it
 * answered 200. Returns {page, problems}.
 */
export async function openPage(context, url) {
  const page = await context.newPage();
  const problems = await watchForProblems(page);
  const response = await page.goto(url);
  assert.equal(response.status(), 200, `GET ${url}`);
  return { page, problems };
}

/**
 * Runs `body(page, problems, context)` on a new page, watched by watchForProblems, in a fresh
 * context of `browser` made with `options`; the context is closed afterwards.
 */
export async function withPage(browser, options, body) {
  await withContext(browser, options, async (context) => {
    const page = await context.newPage();
    await body(page, await watchForProblems(page), context);
  });
}

/** Fails when the page scrolls sideways on a 360 px wide screen; `what` names it. */
export async function assertFits(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${what} is ${width} px wide, wider than the 360 px screen`);
}

/**
 * `problems` less the failed resource loads a step provoked on purpose: `allowed` lists
 * [status, path] pairs, such as [400, '/api/auth/verify-sms'].
 */
export function unexpected(problems, allowed) {
  return problems.filter(
    (p) => !allowed.some(([status, path]) => p.includes(`status of ${status}`) && p.includes(path)),
  );
}

/**
 * The 6-digit code in the newest message to `e164` in the server's development outbox
 * (GET /api/dev/outbox), waiting up to 15 s for one. Given `seen` (a Set), waits for a code
 * not in it and adds the code, so the next call waits for a newer message.
 */
export async function outboxCode(serverUrl, e164, seen = undefined) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const answer = await fetch(`${serverUrl}/api/dev/outbox`);
    assert.equal(answer.status, 200, 'GET /api/dev/outbox');
    const newest = (await answer.json()).messages.find((m) => m.to === e164);
    const code = newest && /\b(\d{6})\b/.exec(newest.body)?.[1];
    if (code && !seen?.has(code)) {
      seen?.add(code);
      return code;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${seen ? 'new ' : ''}code for ${e164} in the development outbox within 15 s`);
}
