// The warden's <input type="datetime-local"> holds a wall-clock time without a zone. Hagen's
// offences happen in Berlin time, so it is read as Berlin time whatever the device's zone is,
// and sent as the ISO instant (seconds, "Z") that the server's `format: date-time` requires.
const TZ = 'Europe/Berlin';
const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function berlinParts(date: Date): Record<string, string> {
  return Object.fromEntries(partsFormat.formatToParts(date).map((p) => [p.type, p.value]));
}

/** How far Berlin's wall clock is ahead of UTC at this instant (1 h or 2 h). */
function offsetMs(date: Date): number {
  const p = berlinParts(date);
  const wall = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return wall - Math.floor(date.getTime() / 1000) * 1000;
}

/** "2026-11-25T14:41Z" instant → "2026-11-25T15:41" for the datetime-local input. */
export function isoToBerlinLocal(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = berlinParts(date);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** "2026-11-25T15:41" read in Berlin → "2026-11-25T14:41:00Z"; undefined for an empty input. */
export function berlinLocalToIso(local: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(local);
  if (!m) return undefined;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  // Two passes settle the offset also next to a daylight-saving switch.
  let instant = wall - offsetMs(new Date(wall));
  instant = wall - offsetMs(new Date(instant));
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
