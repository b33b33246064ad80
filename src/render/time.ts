/** Times and durations the way each language writes them, through Intl. */
import type { Lang } from '../engine/types.js';
import type { Translate } from '../i18n/i18n.js';

const LOCALES: Record<Lang, string> = { en: 'en-GB', zh: 'zh-CN' };

/** "Mon 09:00" / "周一 09:00" in `zone`; with the date when it is more than six days away. */
export function formatWhen(at: Date, now: Date, zone: string, lang: Lang): string {
  const far = at.getTime() - now.getTime() > 6 * 86_400_000;
  const day = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: zone, weekday: 'short', ...(far ? { month: 'short', day: 'numeric' } : {}) }).format(at);
  const time = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${day} ${time}`;
}

/** Language names in the reader's language ("English, Chinese" / "英语、中文"). */
export function formatLanguages(tags: readonly string[], lang: Lang): string {
  const names = new Intl.DisplayNames([LOCALES[lang]], { type: 'language' });
  const list = tags.map((tag) => {
    try {
      return names.of(tag) ?? tag;
    } catch {
      return tag;
    }
  });
  return new Intl.ListFormat(LOCALES[lang], { type: 'conjunction', style: 'narrow' }).format(list);
}

/** "13 h 20 min" / "13 小时 20 分钟", rounded up to the minute. */
export function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t('duration.dh', { d, h });
  if (h > 0) return m === 0 ? t('duration.h', { h }) : t('duration.hm', { h, m });
  return t('duration.m', { m });
}

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
