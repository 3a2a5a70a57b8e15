// What the dashboard and automation browser tests share: a customer's message through the
// public contact form and a customer's online booking (plain requests, as the public pages
// send them), and waiting for the dashboard's answer to show a state the server reaches
// asynchronously (the outbox sends after the request has been answered).

import assert from 'node:assert/strict';
import { apiFromPage } from './booking_flows.mjs';

/** POSTs the public contact form of `slug` for `person` ({name, phone?, email?}). */
export async function sendContactForm(serverUrl, slug, person, message) {
  const answer = await fetch(`${serverUrl}/api/public/${slug}/contact`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...person, message }),
  });
  assert.equal(answer.status, 202, await answer.text());
}

/**
 * Books service `serviceId` of `slug` online for `person` ({name, email} or {name, phone}) at
 * the `index`-th free time from three days on; resolves with the booking.
 */
export async function bookOnline(serverUrl, slug, serviceId, person, index = 0) {
  const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const slots = await (
    await fetch(
      `${serverUrl}/api/public/${slug}/services/${serviceId}/slots?from=${from}&to=${to}`,
    )
  ).json();
  assert.ok(slots.slots.length > index, `only ${slots.slots.length} free times`);
  const made = await fetch(`${serverUrl}/api/public/${slug}/bookings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ service_id: serviceId, start: slots.slots[index].start, ...person }),
  });
  const text = await made.text();
  assert.equal(made.status, 201, text);
  return JSON.parse(text).booking;
}

/**
 * Polls GET …/dashboard from the signed-in `page` until `ready(answer)` holds (15 s at most);
 * resolves with that answer.
 */
export async function dashboardWhen(page, workspaceId, ready, what) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const answer = await apiFromPage(page, 'GET', `/api/workspaces/${workspaceId}/dashboard`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    if (ready(answer.body)) return answer.body;
    assert.ok(Date.now() < deadline, `the dashboard did not show ${what} within 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
