// A local stand-in for Twilio's Messages API, for tests that point the careops binary at it
// with TWILIO_API_BASE_URL. It speaks what CareOps relies on (docs: Twilio's REST API and
// status callbacks):
//
// - POST /2010-04-01/Accounts/{AccountSid}/Messages.json with HTTP Basic auth
//   AccountSid:AuthToken (401, Twilio error 20003, otherwise) and a form body To, From or
//   MessagingServiceSid, Body, StatusCallback → 201 JSON message resource, status "queued"
//   ("accepted" with a messaging service), sid "SM" + 32 hex.
// - Every accepted message is recorded; if it named a StatusCallback, the fake then POSTs
//   "sent" and "delivered" to it (form MessageSid, MessageStatus, AccountSid, From, To, …),
//   signed with X-Twilio-Signature as Twilio signs them, and records each answer's status.
// - A message to a number in `rejectTo` is refused as Twilio refuses an invalid number
//   (400, error 21211), which CareOps treats as a permanent failure: the message is `failed`.
//
// Contract: startFakeTwilio() resolves once listening on 127.0.0.1 (port 0) with
// {url, accountSid, authToken, messages, refused, rejectTo, waitForMessage, stop}. One account
// exists: accountSid "AC" + 32 hex, authToken 32 hex, fresh each start.

import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

const kMessagesPath = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const kMaxBodyBytes = 64 * 1024;

/**
 * X-Twilio-Signature of a form POST to `url`: base64(HMAC-SHA1(authToken, url followed by
 * every parameter name immediately followed by its value, sorted by name, then by value for
 * repeated names)). `params` is a plain object or URLSearchParams.
 */
export function twilioSignature(authToken, url, params) {
  const entries = params instanceof URLSearchParams ? [...params] : Object.entries(params);
  entries.sort(([a, av], [b, bv]) => compare(a, b) || compare(av, bv));
  let data = url;
  for (const [name, value] of entries) data += name + value;
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

function compare(a, b) {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

const hex = (bytes) => randomBytes(bytes).toString('hex');

/** Twilio's date format: "Thu, 30 Jul 2015 20:12:31 +0000". */
const twilioDate = (ms) => new Date(ms).toUTCString().replace('GMT', '+0000');

/**
 * `statuses`: the callbacks sent for each message, in order; `callbackDelayMs`: the wait
 * before the first and between the following ones. The answer's `rejectTo` is a Set of
 * numbers (E.164) to refuse; tests add to it while the fake runs.
 */
export async function startFakeTwilio({
  statuses = ['sent', 'delivered'],
  callbackDelayMs = 200,
} = {}) {
  const accountSid = `AC${hex(16)}`;
  const authToken = hex(16);
  /** Accepted messages, oldest first: {sid, accountSid, to, from, messagingServiceSid, body, statusCallback, createdAt, callbacks: [{status, httpStatus} | {status, error}]} */
  const messages = [];
  /** Requests answered with an error: {method, path, status, reason}. */
  const refused = [];
  /** Numbers whose messages are refused with Twilio's error 21211. */
  const rejectTo = new Set();
  const waiters = new Set();
  const timers = new Set();

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      refused.push({
        method: request.method,
        path: request.url,
        status: 500,
        reason: String(error),
      });
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function handle(request, response) {
    const path = new URL(request.url, 'http://fake').pathname;
    const match = kMessagesPath.exec(path);
    const refuse = (status, code, message) => {
      refused.push({ method: request.method, path, status, reason: message });
      const headers = status === 401 ? { 'WWW-Authenticate': 'Basic realm="Twilio API"' } : {};
      sendJson(
        response,
        status,
        {
          code,
          message,
          more_info: `https://www.twilio.com/docs/errors/${code}`,
          status,
        },
        headers,
      );
    };
    if (!match) return refuse(404, 20404, 'The requested resource was not found');
    if (request.method !== 'POST') return refuse(405, 20004, 'Method not allowed');
    const credentials = basicAuth(request.headers.authorization);
    if (
      !credentials ||
      credentials.user !== accountSid ||
      credentials.password !== authToken ||
      match[1] !== accountSid
    ) {
      return refuse(401, 20003, 'Authenticate');
    }
    const form = new URLSearchParams(await readBody(request));
    const to = form.get('To');
    const from = form.get('From');
    const messagingServiceSid = form.get('MessagingServiceSid');
    const body = form.get('Body');
    if (!to) return refuse(400, 21604, "A 'To' phone number is required.");
    if (!from && !messagingServiceSid)
      return refuse(400, 21603, "A 'From' phone number is required.");
    if (!body) return refuse(400, 21602, 'Message body is required.');
    if (rejectTo.has(to)) {
      return refuse(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    }

    const message = {
      sid: `SM${hex(16)}`,
      accountSid,
      to,
      from,
      messagingServiceSid,
      body,
      statusCallback: form.get('StatusCallback'),
      createdAt: Date.now(),
      callbacks: [],
    };
    messages.push(message);
    for (const waiter of waiters) waiter();
    sendJson(response, 201, resource(message, messagingServiceSid ? 'accepted' : 'queued'));
    if (message.statusCallback) scheduleCallbacks(message, 0);
  }

  function scheduleCallbacks(message, index) {
    if (index >= statuses.length) return;
    const timer = setTimeout(async () => {
      timers.delete(timer);
      await postCallback(message, statuses[index]);
      scheduleCallbacks(message, index + 1);
    }, callbackDelayMs);
    timers.add(timer);
  }

  async function postCallback(message, status) {
    const params = {
      AccountSid: message.accountSid,
      ApiVersion: '2010-04-01',
      MessageSid: message.sid,
      MessageStatus: status,
      SmsSid: message.sid,
      SmsStatus: status,
      To: message.to,
      ...(message.from ? { From: message.from } : {}),
      ...(message.messagingServiceSid ? { MessagingServiceSid: message.messagingServiceSid } : {}),
    };
    try {
      const answer = await fetch(message.statusCallback, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Twilio-Signature': twilioSignature(authToken, message.statusCallback, params),
        },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(5000),
      });
      await answer.arrayBuffer();
      message.callbacks.push({ status, httpStatus: answer.status });
    } catch (error) {
      message.callbacks.push({ status, error: String(error) });
    }
  }

  /** Resolves with the first recorded message matching `predicate`; rejects after `timeoutMs`. */
  function waitForMessage(predicate, timeoutMs = 15_000) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = messages.find(predicate);
        if (!found) return false;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        const why = refused.map((r) => `${r.status} ${r.method} ${r.path}: ${r.reason}`).join('; ');
        reject(
          new Error(
            `fake Twilio: no matching message within ${timeoutMs} ms ` +
              `(${messages.length} recorded; refused: ${why || 'none'})`,
          ),
        );
      }, timeoutMs);
      if (!check()) waiters.add(check);
    });
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();

  async function stop() {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  return {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    refused,
    rejectTo,
    waitForMessage,
    stop,
  };
}

function basicAuth(header) {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

async function readBody(request) {
  let size = 0;
  const chunks = [];
  for await (const chunk of request) {
    size += chunk.length;
    if (size > kMaxBodyBytes) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response, status, value, headers = {}) {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  response.end(body);
}

/** The message resource as Twilio answers it. */
function resource(message, status) {
  const created = twilioDate(message.createdAt);
  return {
    account_sid: message.accountSid,
    api_version: '2010-04-01',
    body: message.body,
    date_created: created,
    date_sent: null,
    date_updated: created,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: message.from,
    messaging_service_sid: message.messagingServiceSid,
    num_media: '0',
    num_segments: String(Math.max(1, Math.ceil(message.body.length / 160))),
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status,
    to: message.to,
    uri: `/2010-04-01/Accounts/${message.accountSid}/Messages/${message.sid}.json`,
  };
}
