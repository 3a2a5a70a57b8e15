// Shared set-up of every browser test file: one real server and one browser, started before
// the file's tests and stopped after them, and fresh browser contexts per test.

import { after, before } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { startServer } from './server.mjs';

/**
 * Registers before/after hooks for this test file and returns an object whose `server`
 * ({url, dataDir, stop}) and `browser` are set once the before hook has run.
 *
 * `options` is {env, afterStart}, or the afterStart function alone. `env`: extra server
 * environment, or an async function returning it, called in the before hook first (so it
 * can start what the server must reach, such as a fake Twilio). `afterStart` runs inside
 * that hook once both are up (node's test runner does not promise an order between
 * top-level hooks registered from different modules).
 */
export function useServerAndBrowser(options = {}) {
  const { env = {}, afterStart } =
    typeof options === 'function' ? { afterStart: options } : options;
  const suite = { server: undefined, browser: undefined };
  before(async () => {
    suite.server = await startServer({ env: typeof env === 'function' ? await env() : env });
    suite.browser = await launchBrowser();
    await afterStart?.();
  });
  after(async () => {
    try {
      await suite.browser?.close();
    } finally {
      await suite.server?.stop();
    }
  });
  return suite;
}

/** Runs `body(context)` in a fresh browser context (10 s default timeout), closed afterwards. */
export async function withContext(browser, options, body) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(10_000);
  try {
    return await body(context);
  } finally {
    await context.close();
  }
}
