// Dates and times in a named IANA time zone (the workspace's, or the customer's), with the
// browser's Intl only. A "date" is "YYYY-MM-DD"; date arithmetic is calendar arithmetic on it,
// independent of any zone. Instants are RFC 3339 strings or UTC milliseconds.

export type Instant = string | number;

/** UTC ms of an RFC 3339 string or of ms already; NaN when unreadable. */
export function toMs(value: Instant): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

/** The browser's zone, else UTC. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** "America/New_York" → "America/New York". */
export function zoneLabel(tz: string): string {
  return tz.replace(/_/g, ' ');
}

const partsCache = new Map<string, Intl.DateTimeFormat>();

function partsFormat(tz: string): Intl.DateTimeFormat {
  let format = partsCache.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    partsCache.set(tz, format);
  }
  return format;
}

/** The local date ("YYYY-MM-DD") and minutes since local midnight of `instant` in `tz`. */
export function zoned(instant: Instant, tz: string): { date: string; minutes: number } {
  const parts: Record<string, string> = {};
  for (const part of partsFormat(tz).formatToParts(new Date(toMs(instant)))) {
    parts[part.type] = part.value;
  }
  const hour = Number(parts['hour']) % 24;
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    minutes: hour * 60 + Number(parts['minute']),
  };
}

export function todayIn(tz: string): string {
  return zoned(Date.now(), tz).date;
}

function dateToUtc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export function addDays(date: string, days: number): string {
  const utc = dateToUtc(date);
  utc.setUTCDate(utc.getUTCDate() + days);
  return utc.toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  return (dateToUtc(date).getUTCDay() + 6) % 7;
}

/** The Monday of `date`'s week. */
export function startOfWeek(date: string): string {
  return addDays(date, -weekdayOf(date));
}

const kDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const kLongDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Mon, 30 Mar" (locale order). */
export function formatDay(date: string): string {
  return kDay.format(dateToUtc(date));
}

/** "Monday, 30 March 2026". */
export function formatLongDay(date: string): string {
  return kLongDay.format(dateToUtc(date));
}

const timeCache = new Map<string, Intl.DateTimeFormat>();

/** "09:30" / "9:30 AM" (the browser's locale) of `instant` in `tz`. */
export function formatTimeIn(instant: Instant, tz: string): string {
  let format = timeCache.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, {
      timeZone: tz,
      hour: 'numeric',
      minute: '2-digit',
    });
    timeCache.set(tz, format);
  }
  return format.format(new Date(toMs(instant)));
}

/** "Monday, 30 March 2026 at 09:30" in `tz`. */
export function formatWhenIn(instant: Instant, tz: string): string {
  return `${formatLongDay(zoned(instant, tz).date)}, ${formatTimeIn(instant, tz)}`;
}

/** "09:00"–"17:00" for minutes since midnight. */
export function minutesToClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export const kWeekdayNames = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
