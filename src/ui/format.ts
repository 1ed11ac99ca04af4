import type { Translate } from './i18n';

const intlLocale = (locale: string) => (locale === 'en' ? 'en-US' : 'pt-BR');

/** "seg., 23/11, 15:30": deadlines are days away at most, so the year is noise. */
export function formatWhen(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'short', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }).format(ms);
}

/** "2 h 15 min" of business time. */
export function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? t('time.hours', { h, m }) : t('time.minutes', { m });
}
