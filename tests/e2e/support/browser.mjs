// Launches Debian's chromium through playwright-core. Never a downloaded browser:
// playwright-core ships none, and executablePath pins the system one.
// Playwright gives each launch a fresh temporary profile and removes it on close().

import { chromium } from 'playwright-core';

export const kChromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchBrowser() {
  return chromium.launch({
    executablePath: kChromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Collects what a page reports as wrong: console errors (CSP violations are logged there
 * as errors too; each entry ends with the source URL in parentheses when Chromium gives one),
 * uncaught exceptions, and securitypolicyviolation events.
 * Returns the live array; assert it is empty at the end of a test.
 */
export async function watchForProblems(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // For a failed resource load the location is that resource: name it, so a test can
    // tell an expected answer (a 400 for a wrong code) from a real fault.
    const { url } = message.location();
    problems.push(`console error: ${message.text()}${url ? ` (${url})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction('__careopsReportCsp', (text) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      // @ts-ignore -- exposed by watchForProblems
      window.__careopsReportCsp(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`,
      );
    });
  });
  return problems;
}
