// Working hours per staff member (docs/API.md, "Booking"): weekly hours with several intervals
// a day, and dates that differ (closed, or special hours), in the workspace's time zone.
// Owners edit anyone's; every other member edits their own.

import { useState } from 'preact/hooks';
import type { Availability, DateOverride, Interval } from '../../api/booking_types';
import { getAvailability, saveAvailability } from '../../api/services';
import type { WorkspaceRole } from '../../api/types';
import { listMembers } from '../../api/workspaces';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ErrorBanner } from '../../components/error_banner';
import { Notice } from '../../components/notice';
import { SelectField } from '../../components/select_field';
import { useAction, useLoad } from '../../hooks';
import { addDays, todayIn, zoneLabel } from '../../time_zone';
import { DateOverrides } from './date_overrides';
import { type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';
import { type Week, WeeklyHours } from './weekly_hours';

export const AvailabilityPage = workspacePage({ title: () => 'Availability', body: Body });

function Body({ id, membership, user }: WorkspaceBodyProps) {
  const owner = membership?.role === 'owner';
  const members = useLoad((signal) => listMembers(id, { signal }));
  const [memberId, setMemberId] = useState(user.id);
  const active = (members.data?.members ?? []).filter((m) => m.status === 'active');
  const other = active.find((m) => m.user_id === memberId)?.full_name;
  const name = memberId === user.id || !other ? 'Your' : `${other}'s`;
  return (
    <div class="sections">
      {owner && active.length > 1 && (
        <section class="card" aria-label="Whose hours">
          <SelectField
            label="Whose hours"
            name="member"
            value={String(memberId)}
            options={active.map((m) => ({
              value: String(m.user_id),
              label: m.user_id === user.id ? `${m.full_name} (you)` : m.full_name,
            }))}
            onValue={(value) => setMemberId(Number(value))}
          />
        </section>
      )}
      {members.error && <ErrorBanner error={members.error} onRetry={members.reload} />}
      <MemberHours
        key={memberId}
        workspaceId={id}
        memberId={memberId}
        title={`${name} hours`}
        role={membership?.role}
      />
    </div>
  );
}

interface MemberHoursProps {
  workspaceId: number;
  memberId: number;
  title: string;
  role?: WorkspaceRole | undefined;
}

function MemberHours({ workspaceId, memberId, title, role }: MemberHoursProps) {
  const loaded = useLoad((signal) => getAvailability(workspaceId, memberId, { signal }));
  if (loaded.error && !loaded.data) {
    return (
      <WorkspaceProblem
        error={loaded.error}
        id={workspaceId}
        ownerCan="set other members' hours"
        role={role}
        onRetry={loaded.reload}
        retrying={loaded.loading}
      />
    );
  }
  if (!loaded.data) return <p class="muted">Loading the hours…</p>;
  return (
    <HoursForm workspaceId={workspaceId} memberId={memberId} title={title} initial={loaded.data} />
  );
}

function weekOf(availability: Availability): Week {
  const week: Interval[][] = [[], [], [], [], [], [], []];
  for (const { weekday, start, end } of availability.weekly) week[weekday]?.push({ start, end });
  for (const day of week) day.sort((a, b) => a.start.localeCompare(b.start));
  return week;
}

interface HoursFormProps {
  workspaceId: number;
  memberId: number;
  title: string;
  initial: Availability;
}

function HoursForm({ workspaceId, memberId, title, initial }: HoursFormProps) {
  const [week, setWeek] = useState<Week>(() => weekOf(initial));
  const [overrides, setOverrides] = useState<DateOverride[]>(() => initial.overrides);
  const [saved, setSaved] = useState(false);
  const tz = initial.timezone;
  const save = useAction(async () => {
    setSaved(false);
    const weekly = week.flatMap((intervals, weekday) => intervals.map((i) => ({ weekday, ...i })));
    const answer = await saveAvailability(workspaceId, memberId, {
      weekly,
      overrides: overrides.map((o) => ({
        ...o,
        intervals: o.closed ? [] : o.intervals,
        note: o.note.trim(),
      })),
    });
    if (answer?.weekly) {
      setWeek(weekOf(answer));
      setOverrides(answer.overrides);
    }
    setSaved(true);
  });
  return (
    <ActionForm onSubmit={save.run}>
      <section class="card hours" aria-labelledby="weekly-title">
        <h2 id="weekly-title">{title}</h2>
        <p class="field__hint" data-testid="hours-zone">
          Times are in {zoneLabel(tz)}, the workspace's time zone. A day without hours is closed.
        </p>
        <WeeklyHours value={week} onValue={setWeek} />
      </section>
      <section class="card hours" aria-labelledby="overrides-title">
        <h2 id="overrides-title">Special dates</h2>
        <p class="field__hint">Holidays, days off, or different hours on one date.</p>
        <DateOverrides
          value={overrides}
          onValue={setOverrides}
          firstDate={addDays(todayIn(tz), 1)}
        />
      </section>
      {save.error && <ErrorBanner error={save.error} />}
      {saved && !save.busy && <Notice>The hours are saved.</Notice>}
      <SubmitActions busy={save.busy} busyLabel="Saving…" label="Save hours" />
    </ActionForm>
  );
}
