// The fake Twilio the browser tests rely on, checked on its own (no careops, no browser):
// its signatures match Twilio's published test vector, it refuses bad credentials as Twilio
// does, it answers and then reports delivery to the StatusCallback URL, signed, and it refuses
// the numbers a test tells it to reject.

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { startFakeTwilio, twilioSignature } from './support/fake_twilio.mjs';

let fake;
before(async () => {
  fake = await startFakeTwilio({ callbackDelayMs: 20 });
});
after(() => fake?.stop());

function send(form, { sid = fake.accountSid, token = fake.authToken } = {}) {
  return fetch(`${fake.url}/2010-04-01/Accounts/${sid}/Messages.json`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(form).toString(),
  });
}

test("signatures match Twilio's documented test vector", () => {
  const params = {
    CallSid: 'CA1234567890ABCDE',
    Caller: '+12349013030',
    Digits: '1234',
    From: '+12349013030',
    To: '+18005551212',
  };
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  assert.equal(twilioSignature('12345', url, params), '0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  assert.equal(
    twilioSignature('12345', url, new URLSearchParams(params)),
    '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
  );
});

test('credentials have the documented shapes and wrong ones get 401 code 20003', async () => {
  assert.match(fake.accountSid, /^AC[0-9a-f]{32}$/);
  assert.match(fake.authToken, /^[0-9a-f]{32}$/);
  const form = { To: '+14155550100', From: '+14155550199', Body: 'hi' };
  for (const answer of [
    await send(form, { token: 'wrong' }),
    await send(form, { sid: `AC${'0'.repeat(32)}` }),
  ]) {
    assert.equal(answer.status, 401);
    assert.equal((await answer.json()).code, 20003);
  }
  const noTo = await send({ From: '+14155550199', Body: 'hi' });
  assert.equal(noTo.status, 400);
  assert.equal((await noTo.json()).code, 21604);
});

test('a message is answered 201 queued, recorded, then reported sent and delivered, signed', async () => {
  const received = [];
  const receiver = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    received.push({
      signature: request.headers['x-twilio-signature'],
      form: new URLSearchParams(body),
    });
    response.writeHead(204).end();
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  const callback = `http://127.0.0.1:${receiver.address().port}/api/webhooks/twilio/status`;
  try {
    const answer = await send({
      To: '+14155550100',
      From: '+14155550199',
      Body: 'Test from CareOps',
      StatusCallback: callback,
    });
    assert.equal(answer.status, 201);
    const resource = await answer.json();
    assert.match(resource.sid, /^SM[0-9a-f]{32}$/);
    assert.equal(resource.status, 'queued');
    assert.equal(resource.to, '+14155550100');

    const message = await fake.waitForMessage((m) => m.sid === resource.sid, 2000);
    assert.equal(message.body, 'Test from CareOps');
    while (message.callbacks.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(message.callbacks, [
      { status: 'sent', httpStatus: 204 },
      { status: 'delivered', httpStatus: 204 },
    ]);
    assert.deepEqual(
      received.map((r) => r.form.get('MessageStatus')),
      ['sent', 'delivered'],
    );
    for (const { signature, form } of received) {
      assert.equal(form.get('MessageSid'), resource.sid);
      assert.equal(form.get('AccountSid'), fake.accountSid);
      assert.equal(form.get('From'), '+14155550199');
      assert.equal(form.get('To'), '+14155550100');
      assert.equal(signature, twilioSignature(fake.authToken, callback, form));
    }
  } finally {
    receiver.close();
  }
});

test('a number in rejectTo is refused as an invalid number (400, code 21211), not recorded', async () => {
  const form = { To: '+14155550111', From: '+14155550199', Body: 'hi' };
  fake.rejectTo.add(form.To);
  try {
    const answer = await send(form);
    assert.equal(answer.status, 400);
    assert.equal((await answer.json()).code, 21211);
    assert.ok(!fake.messages.some((m) => m.to === form.To), 'a refused message is not recorded');
    assert.equal(fake.refused.at(-1).status, 400);
  } finally {
    fake.rejectTo.delete(form.To);
  }
  const again = await send(form);
  assert.equal(again.status, 201, 'accepted again once removed from rejectTo');
});
