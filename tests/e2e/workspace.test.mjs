// A workspace from the first sign-up to a second person at work, in a real browser against
// the real binary, with Twilio replaced by the local fake (support/fake_twilio.mjs): an owner
// registers, creates a workspace, connects SMS with their own (fake) Twilio account, sends a
// test message and sees it delivered, invites a staff member by SMS, who opens the link,
// registers, accepts, and sees only what the staff role allows.
//
// The server keeps its own SMS provider on console, so sign-up codes are read from
// /api/dev/outbox; the workspace's messages (the test, the invitation) go through the fake,
// whose delivery reports reach the server at PUBLIC_BASE_URL/api/webhooks/twilio/status.

import assert from 'node:assert/strict';
import { test } from 'node:test';
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
  name: 'Olive Owner',
  email: 'olive.owner@example.com',
  phone: '(415) 555-2681',
  e164: '+14155552681',
};
const kStaff = {
  name: 'Sam Staff',
  email: 'sam.staff@example.com',
  phone: '(415) 555-2682',
  e164: '+14155552682',
};
/** The workspace's own Twilio number, and where its test message goes. */
const kTwilioNumber = '+14155552690';
const kTestRecipient = '+14155552683';
const kWorkspace = { name: 'Sunny Clinic', slug: 'sunny-clinic' };
const kStepKeys = [
  'details',
  'channels',
  'contact_form',
  'services',
  'forms',
  'inventory',
  'staff',
  'activate',
];

const suite = useServerWithFakeTwilio();

/** Opens `path` of the server in a new page of `context`, watched for problems. */
const open = (context, path) => openPage(context, `${suite.server.url}${path}`);

async function navLinks(page) {
  const names = await workspaceNav(page).getByRole('link').allTextContents();
  return names.map((name) => name.trim());
}

test('an owner sets up a workspace with its own SMS, and an invited staff member sees only what staff may', async () => {
  const { twilio } = suite;
  await withContext(suite.browser, kPhone, async (ownerContext) => {
    // --- The owner registers and creates the workspace.
    const { page: owner, problems: ownerProblems } = await open(ownerContext, '/register');
    await registerWithPhone(owner, suite.server.url, kOwner);
    await owner.waitForURL(`${suite.server.url}/account`);

    const workspaceId = await createWorkspace(owner, kWorkspace);
    const base = `/workspaces/${workspaceId}`;

    // --- Its home is the onboarding wizard: eight steps in order; activation is refused.
    await owner.getByTestId('onboarding-step').first().waitFor();
    const steps = owner.getByTestId('onboarding-step');
    assert.deepEqual(
      await steps.evaluateAll((items) => items.map((i) => i.dataset.step)),
      kStepKeys,
    );
    assert.equal(
      (await owner.getByTestId('current-workspace').textContent()).trim(),
      kWorkspace.name,
    );
    assert.deepEqual(await navLinks(owner), [
      'Dashboard',
      'Home',
      'Calendar',
      'Inbox',
      'Contacts',
      'Forms',
      'Inventory',
      'Availability',
      'Members',
      'Services',
      'Settings',
      'Channels',
      'Automation',
      'Audit log',
    ]);
    await assertFits(owner, 'the onboarding wizard');

    await owner.getByRole('button', { name: `Activate ${kWorkspace.name}` }).click();
    const refusal = owner.getByTestId('activation-problems');
    await refusal.waitFor();
    assert.ok(
      (await refusal.getByRole('listitem').count()) > 0,
      'the refusal lists what is missing',
    );

    // --- Channels: own Twilio account, saved; the secrets never come back to the page.
    await owner.getByRole('link', { name: 'Set up SMS or email' }).click();
    await owner.waitForURL(`${suite.server.url}${base}/channels`);
    const sms = await connectOwnSms(owner, twilio, kTwilioNumber);
    assert.equal(await sms.getByLabel('Auth token').inputValue(), '');
    assert.notEqual(
      await sms.getByLabel('Auth token').getAttribute('placeholder'),
      twilio.authToken,
    );
    const html = await owner.content();
    assert.ok(!html.includes(twilio.authToken), 'the auth token is never shown');
    assert.ok(!html.includes(twilio.accountSid), 'the account SID is shown masked only');

    // --- A test message goes out through the fake and is reported delivered, live.
    await sms.getByLabel(/^Send the test to/).fill(kTestRecipient);
    await sms.getByRole('button', { name: 'Send test message' }).click();
    await sms
      .getByTestId('sms-test-result')
      .getByText('Delivered', { exact: true })
      .waitFor({ timeout: 30_000 });
    await sms.getByText('Working', { exact: true }).waitFor();
    const testMessage = await twilio.waitForMessage((m) => m.to === kTestRecipient);
    assert.equal(testMessage.from, kTwilioNumber);
    assert.ok(testMessage.statusCallback.startsWith(suite.server.url), testMessage.statusCallback);
    assert.deepEqual(
      testMessage.callbacks.map((c) => c.httpStatus),
      testMessage.callbacks.map(() => 204),
      'the server accepted every signed delivery report',
    );
    await assertFits(owner, 'the channels page');

    await workspaceNav(owner).getByRole('link', { name: 'Home' }).click();
    await owner.locator('[data-step="channels"][data-state="done"]').waitFor();

    // --- The owner invites a staff member by SMS; the link arrives through the fake.
    await workspaceNav(owner).getByRole('link', { name: 'Members' }).click();
    await owner.waitForURL(`${suite.server.url}${base}/members`);
    await owner.getByLabel('Text message (SMS)').check();
    await owner.getByLabel('Their mobile number').fill(kStaff.phone);
    assert.equal(await owner.getByLabel('Role', { exact: true }).inputValue(), 'staff');
    await owner.getByRole('button', { name: 'Send invitation' }).click();
    await owner.getByText(/^Invitation sent to/).waitFor();
    await owner.locator('[data-testid="invitation"][data-status="pending"]').waitFor();
    await assertFits(owner, 'the members page');

    const invitation = await twilio.waitForMessage((m) => m.to === kStaff.e164);
    assert.equal(invitation.from, kTwilioNumber, 'the invitation leaves through the own channel');
    const link = /(\S+\/invite#token=[^\s]+)/.exec(invitation.body)?.[1]?.replace(/[.,;)]+$/, '');
    assert.ok(link, `no invitation link in the SMS: ${invitation.body}`);
    const linkUrl = new URL(link);
    assert.equal(linkUrl.origin, suite.server.url);
    assert.equal(linkUrl.search, '', 'the token travels in the fragment only');

    // --- The staff member opens the link, registers (with SMS verification), and accepts.
    await withContext(suite.browser, kPhone, async (staffContext) => {
      const { page: staff, problems: staffProblems } = await open(
        staffContext,
        `${linkUrl.pathname}${linkUrl.hash}`,
      );
      await staff.getByTestId('invitation-offer').waitFor();
      assert.equal(
        (await staff.getByTestId('invite-workspace').textContent()).trim(),
        kWorkspace.name,
      );
      assert.equal((await staff.getByTestId('invite-role').textContent()).trim(), 'Staff');
      assert.match(await staff.getByTestId('invitation-offer').textContent(), /Olive Owner/);
      assert.equal(new URL(staff.url()).hash, '', 'the token leaves the address bar');
      await assertFits(staff, 'the invitation page');

      await staff.getByRole('link', { name: 'Create an account' }).click();
      await staff.waitForURL(`${suite.server.url}/register?next=%2Finvite`);
      await registerWithPhone(staff, suite.server.url, kStaff);
      await staff.waitForURL(`${suite.server.url}/invite`);
      await staff.getByRole('button', { name: `Join ${kWorkspace.name}` }).click();
      await staff.waitForURL(`${suite.server.url}${base}`);
      await staff.getByTestId('member-home').waitFor();
      assert.equal((await staff.getByTestId('workspace-role').textContent()).trim(), 'Staff');
      assert.equal(
        (await staff.getByTestId('current-workspace').textContent()).trim(),
        kWorkspace.name,
      );
      await assertFits(staff, "the staff member's home");

      // Staff see Dashboard, Home, Availability, Members and (with the inbox and bookings
      // permissions staff get by default) Calendar, Inbox and Contacts, which appear once
      // their permissions are known; the member list is read-only.
      await workspaceNav(staff).getByRole('link', { name: 'Inbox' }).waitFor();
      assert.deepEqual(await navLinks(staff), [
        'Dashboard',
        'Home',
        'Calendar',
        'Inbox',
        'Contacts',
        'Availability',
        'Members',
      ]);
      await workspaceNav(staff).getByRole('link', { name: 'Members' }).click();
      await staff.getByTestId('member').nth(1).waitFor();
      assert.equal(await staff.getByRole('button', { name: 'Send invitation' }).count(), 0);
      assert.equal(await staff.getByRole('button', { name: 'Change role' }).count(), 0);

      // Staff set their own working hours (and nobody else's: there is no one to choose).
      await workspaceNav(staff).getByRole('link', { name: 'Availability' }).click();
      await staff.getByRole('heading', { name: 'Your hours' }).waitFor();
      assert.equal(await staff.getByLabel('Whose hours').count(), 0);
      await staff
        .getByRole('group', { name: 'Tuesday' })
        .getByRole('button', { name: 'Add hours' })
        .click();
      await staff.getByRole('button', { name: 'Save hours' }).click();
      await staff.getByText('The hours are saved.').waitFor();
      await assertFits(staff, 'the availability page');

      // Owner pages opened directly say so, and show nothing of what they hold.
      for (const page of ['channels', 'settings', 'audit', 'services']) {
        await staff.goto(`${suite.server.url}${base}/${page}`);
        const refusal = staff.getByTestId('owner-only');
        await refusal.waitFor();
        assert.match(await refusal.textContent(), /Only the owner of this workspace can/);
      }
      await staff.goto(`${suite.server.url}${base}/channels`);
      await staff.getByTestId('owner-only').waitFor();
      assert.equal(await staff.getByLabel('Account SID').count(), 0);
      assert.equal(await staff.getByLabel('Auth token').count(), 0);
      const staffHtml = await staff.content();
      assert.ok(!staffHtml.includes(twilio.authToken) && !staffHtml.includes(kTwilioNumber));
      await assertFits(staff, 'the owner-only message');

      assert.deepEqual(
        unexpected(staffProblems, [
          [403, `${base}/channels`],
          [403, `${base}/audit`],
        ]),
        [],
      );
    });

    // --- The owner sees the new member and the invitation accepted.
    await owner.reload();
    await owner
      .getByTestId('member')
      .filter({ hasText: kStaff.name })
      .getByTestId('member-role')
      .getByText('Staff', { exact: true })
      .waitFor();
    await owner.locator('[data-testid="invitation"][data-status="accepted"]').waitFor();

    await workspaceNav(owner).getByRole('link', { name: 'Audit log' }).click();
    await owner
      .locator('[data-testid="audit-event"][data-type="member_invited"]')
      .first()
      .waitFor();

    assert.deepEqual(unexpected(ownerProblems, [[409, `${base}/activate`]]), []);
  });
});
