/**
 * The user's time zone, for every run that shows a time. A module of its own, with
 * nothing else in it: the CLI's start-up code asks for it, and importing the time
 * formatting module for it would load that module (its own chunk) on every run.
 */

/** The user's IANA time zone: TZ when it names one, else the system's. */
export function userTimeZone(env: Readonly<Record<string, string | undefined>>): string {
  const tz = env.TZ?.replace(/^:/, '');
  if (tz) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return tz;
    } catch {
      // Not an IANA name (POSIX TZ strings exist); fall back to the system zone.
    }
  }
  // With a POSIX TZ such as "CST-8" (common on Chinese Linux systems), Intl names no zone, and with an empty TZ
  // (which the C library reads as UTC) it names "Etc/Unknown", which no formatter takes: the one of the same offset.
  const system = Intl.DateTimeFormat().resolvedOptions().timeZone as string | undefined;
  return system !== undefined && system !== 'Etc/Unknown' ? system : zoneOfOffset(-new Date().getTimezoneOffset());
}

/** An IANA zone that is `minutes` ahead of UTC now: Etc/GMT∓h for whole hours, else the first such zone Intl knows. */
function zoneOfOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  // The Etc zones' signs are POSIX's, the other way round: Etc/GMT-8 is UTC+8.
  if (minutes % 60 === 0 && Math.abs(minutes) <= 14 * 60) return `Etc/GMT${minutes > 0 ? '-' : '+'}${Math.abs(minutes) / 60}`;
  const sign = minutes > 0 ? '+' : '-';
  const wanted = `GMT${sign}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
  const now = new Date();
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const offset = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(now).find((p) => p.type === 'timeZoneName')?.value;
    if (offset === wanted) return zone;
  }
  return 'UTC';
}

/** A zone as people read it: "UTC+8" for the Etc/GMT-8 of a POSIX TZ (whose sign reads the other way round), else its name. */
export function zoneLabel(zone: string): string {
  const m = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  return m ? `UTC${m[1] === '-' ? '+' : '-'}${m[2]}` : zone;
}
