// Display formatting shared by pages. Inputs are UTC; output follows the browser's locale.

/** "12 s", "3 min", "2 h 5 min", "3 d 4 h": two units at most, rounded down. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return joinUnits(hours, 'h', minutes % 60, 'min');
  const days = Math.floor(hours / 24);
  return joinUnits(days, 'd', hours % 24, 'h');
}

function joinUnits(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major} ${majorUnit}` : `${major} ${majorUnit} ${minor} ${minorUnit}`;
}

const kDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const kTime = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** `ms`: UTC milliseconds since the epoch; shown in the browser's time zone. */
export function formatDateTime(ms: number): string {
  return kDateTime.format(new Date(ms));
}

/** `ms`: UTC milliseconds since the epoch; the time of day only. */
export function formatTime(ms: number): string {
  return kTime.format(new Date(ms));
}

const kShortTime = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const kShortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** `ms`: UTC milliseconds since the epoch; the time of day when it is today, else the date. */
export function formatWhen(ms: number): string {
  const date = new Date(ms);
  const today = new Date();
  const sameDay =
    date.getFullYear() === today.getFullYear() &&
    date.getMonth() === today.getMonth() &&
    date.getDate() === today.getDate();
  return sameDay ? kShortTime.format(date) : kShortDate.format(date);
}
