// Starts the real careops binary for a browser test, on a free port with a fresh data dir.
//
// Contract: startServer({env}) resolves with {url, dataDir, stop} once the binary has printed
// "listening on http://HOST:PORT" (within 30 s), and rejects with the captured output if it
// exits or stays silent before that. `dataDir` is the server's DATA_DIR (its SQLite database
// is dataDir/careops.db), for fixtures the product cannot set up yet. stop() sends SIGTERM,
// waits for the exit, removes the data dir, and throws (with stderr) if the binary had died
// on its own while the test ran.
//
// Environment: CAREOPS_BINARY overrides the binary (default <repo>/build/debug/careops);
// the web app must be built into <repo>/web/dist. `env` adds to (or overrides) the server's
// environment, e.g. {TWILIO_API_BASE_URL: fake.url}; PORT, HOST, DATA_DIR and WEB_DIR stay
// the harness's own.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const kStartTimeoutMs = 30_000;
const kStopTimeoutMs = 10_000;
const kListening = /listening on (http:\/\/\S+)/;

export async function startServer({ env = {} } = {}) {
  const binary = process.env.CAREOPS_BINARY || join(repoRoot, 'build', 'debug', 'careops');
  const webDir = join(repoRoot, 'web', 'dist');
  if (!existsSync(binary)) {
    throw new Error(`careops binary not found at ${binary}: build it, or set CAREOPS_BINARY`);
  }
  if (!existsSync(join(webDir, 'index.html'))) {
    throw new Error(`${webDir}/index.html is missing: run "npm ci && npm run build" in web/`);
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'careops-e2e-'));
  const child = spawn(binary, ['serve'], {
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WEB_DIR: webDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => (stderr += chunk));

  const exited = new Promise((resolveExit) => {
    child.on('exit', (code, signal) => resolveExit({ code, signal }));
    child.on('error', (error) => resolveExit({ code: null, signal: null, error }));
  });
  let exitedEarly = null;
  void exited.then((result) => {
    exitedEarly ??= result;
  });
  const describe = (what) =>
    `${what}\n--- careops stdout ---\n${stdout}\n--- careops stderr ---\n${stderr}`;

  let url;
  try {
    url = await new Promise((resolveUrl, rejectUrl) => {
      const timer = setTimeout(
        () => rejectUrl(new Error(describe(`careops printed no URL within ${kStartTimeoutMs} ms`))),
        kStartTimeoutMs,
      );
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const match = kListening.exec(stdout);
        if (match && url === undefined) {
          clearTimeout(timer);
          resolveUrl(match[1].replace(/\/+$/, ''));
        }
      });
      void exited.then(({ code, signal, error }) => {
        clearTimeout(timer);
        const why = error ? error.message : `code ${code}, signal ${signal}`;
        rejectUrl(new Error(describe(`careops exited before listening (${why})`)));
      });
    });
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  // Keep draining stdout so a chatty server never blocks on a full pipe.
  child.stdout.on('data', (chunk) => (stdout += chunk));

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    const diedOnItsOwn = exitedEarly;
    if (!diedOnItsOwn) {
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), kStopTimeoutMs);
      const result = await exited;
      clearTimeout(timeout);
      await rm(dataDir, { recursive: true, force: true });
      if (result.signal === 'SIGKILL') {
        throw new Error(describe(`careops ignored SIGTERM for ${kStopTimeoutMs} ms`));
      }
      if (result.code !== 0 && result.signal !== 'SIGTERM') {
        throw new Error(describe(`careops exited with code ${result.code} after SIGTERM`));
      }
      return;
    }
    await rm(dataDir, { recursive: true, force: true });
    const { code, signal } = diedOnItsOwn;
    throw new Error(describe(`careops died during the test (code ${code}, signal ${signal})`));
  }

  return { url, dataDir, stop };
}
