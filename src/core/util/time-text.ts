import type { UiLanguage } from '../i18n/messages.ts';

/**
 * Times and durations as the popup says them, in the UI language: "3분 전" / "3 min. ago",
 * "23시간 40분" / "23 hr 40 min". Intl does the wording; these functions choose what to say.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface RelativeParts {
  /** Zero or negative: how many units ago. */
  readonly value: number;
  readonly unit: 'second' | 'minute' | 'hour' | 'day';
}

/**
 * The largest whole unit that fits how long ago `at` was, counted down (a status of 59 minutes is
 * "59 minutes ago", not "1 hour ago"). Under 10 seconds is "now"; a time in the future (a clock that
 * went back) is "now" too rather than "in 3 minutes", which would read as a prediction.
 */
export function relativeParts(at: number, now: number): RelativeParts {
  const ago = Math.max(0, now - at);
  if (ago < 10 * SECOND) return { value: 0, unit: 'second' };
  if (ago < MINUTE) return { value: -Math.floor(ago / SECOND), unit: 'second' };
  if (ago < HOUR) return { value: -Math.floor(ago / MINUTE), unit: 'minute' };
  if (ago < DAY) return { value: -Math.floor(ago / HOUR), unit: 'hour' };
  return { value: -Math.floor(ago / DAY), unit: 'day' };
}

/**
 * "3분 전", "3 min. ago", "어제", "yesterday"; `justNow` under 10 seconds (Intl's "지금" would read as
 * "from now on" in "지금부터").
 */
export function relativeTime(at: number, now: number, lang: UiLanguage, justNow: string): string {
  const { value, unit } = relativeParts(at, now);
  if (value === 0) return justNow;
  return new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' }).format(value, unit);
}

/** "23시간 40분", "23 hr 40 min", "5분", "2 hr": whole minutes, hours only when there are any. */
export function durationText(minutes: number, lang: UiLanguage): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  const unit = (name: 'hour' | 'minute', value: number) => new Intl.NumberFormat(lang, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (hours === 0) return unit('minute', rest);
  return rest === 0 ? unit('hour', hours) : `${unit('hour', hours)} ${unit('minute', rest)}`;
}
