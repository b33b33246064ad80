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
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
