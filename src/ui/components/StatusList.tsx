import { SERVICE_IDS, type ServiceId } from '../../core/catalog/index.ts';
import { useState } from 'preact/hooks';
import { dailySegments, dailyTotals, historySegments, historySummary, historyTotals, uptimeText, type HistorySegment } from '../../core/health/history-view.ts';
import { DAY_MS } from '../../core/health/history.ts';
import type { HistoryRun, ServiceHealth, Summary } from '../../core/health/types.ts';
import type { HealthView } from '../../core/health/view.ts';
import { relativeTime } from '../../core/util/time-text.ts';
import { lang, serviceName, t } from './i18n.ts';

type Word = 'up' | 'degraded' | 'down' | 'suspect' | 'unknown';

function wordFor(health: ServiceHealth): Word {
  if (health.status === 'down') return health.confirmed ? 'down' : 'suspect';
  return health.status;
}

const WORD_KEYS: Record<Word, string> = { up: 'statusUp', degraded: 'statusDegraded', down: 'statusDown', suspect: 'statusSuspect', unknown: 'statusUnknown' };
/** Problems first: in an outage the rows that matter are at the top of a long list. */
const WORD_ORDER: Record<Word, number> = { down: 0, suspect: 1, degraded: 2, up: 3, unknown: 4 };

export function verdictText(summary: Summary): string {
  const names = (ids: readonly ServiceId[]) => ids.map(serviceName).join(', ');
  switch (summary.verdict) {
    case 'offline':
      return t('verdictOffline');
    case 'kakao-wide':
      return t('verdictKakaoWide', names(summary.down));
    case 'some-down':
      return t('verdictSomeDown', names([...summary.down, ...summary.degraded]));
    case 'all-up':
      return t('verdictAllUp');
    case 'unknown':
      return t('verdictUnknown');
  }
}

function When({ at, now, text }: { readonly at: number; readonly now: number; readonly text: (when: string) => string }) {
  return <time dateTime={new Date(at).toISOString()}>{text(relativeTime(at, now, lang(), t('timeJustNow')))}</time>;
}

const SEGMENT_WORDS: Record<HistorySegment['status'], string> = { up: 'statusUp', degraded: 'statusDegraded', down: 'statusDown', none: 'historyNone' };

/**
 * One formatter per language and bar: building an Intl.DateTimeFormat costs far more than using it, and
 * the popup names 78 segments for each of its services on every render.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'day' | 'time'): Intl.DateTimeFormat {
  const key = `${lang()}|${kind}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(lang(), kind === 'day' ? { month: 'short', day: 'numeric', weekday: 'short' } : { hour: 'numeric', minute: '2-digit' });
    formatters.set(key, found);
  }
  return found;
}

function segmentTime(segment: HistorySegment, length: number): string {
  if (length >= DAY_MS) return formatter('day').format(segment.start);
  return formatter('time').formatRange(segment.start, segment.start + length);
}

/**
 * A history bar: segments, each as bad as its worst moment; height as well as colour tells the
 * statuses apart. One tab stop: the arrow keys move along the segments, and the one pointed at or
 * focused is read out under the bar ("오후 3:00~3:30: 장애").
 */
function Bar({
  segments,
  length,
  label,
  uptime,
  testId,
  onRead,
}: {
  readonly segments: readonly HistorySegment[];
  readonly length: number;
  readonly label: string;
  readonly uptime: string | undefined;
  readonly testId: string;
  readonly onRead: (text: string | undefined) => void;
}) {
  const [active, setActive] = useState(segments.length - 1);
  const text = (segment: HistorySegment) => t('historySegment', [segmentTime(segment, length), t(SEGMENT_WORDS[segment.status])]);
  const move = (event: KeyboardEvent, to: number) => {
    event.preventDefault();
    const index = Math.max(0, Math.min(segments.length - 1, to));
    setActive(index);
    const list = (event.currentTarget as HTMLElement).closest('ol');
    (list?.children[index] as HTMLElement | undefined)?.focus();
  };
  return (
    <div class="history-line">
      <span class="history-label muted">{label}</span>
      <ol class="history-bar" aria-label={label} data-testid={testId} onMouseLeave={() => onRead(undefined)}>
        {segments.map((segment, index) => {
          const said = text(segment);
          return (
            <li
              key={segment.start}
              class={`segment segment-${segment.status}`}
              data-status={segment.status}
              tabIndex={index === active ? 0 : -1}
              aria-label={said}
              title={said}
              onMouseEnter={() => onRead(said)}
              onFocus={() => {
                setActive(index);
                onRead(said);
              }}
              onBlur={() => onRead(undefined)}
              onKeyDown={(event) => {
                if (event.key === 'ArrowLeft') move(event, index - 1);
                else if (event.key === 'ArrowRight') move(event, index + 1);
                else if (event.key === 'Home') move(event, 0);
                else if (event.key === 'End') move(event, segments.length - 1);
              }}
            />
          );
        })}
      </ol>
      <span class="history-uptime" data-testid={`${testId}-uptime`}>
        {uptime ? t('historyUptime', uptime) : ''}
      </span>
    </div>
  );
}

/** The last 24 hours (half-hour segments) and 30 days (one a day), each with its uptime, read out as sentences. */
export function HistoryBar({ recent, daily = [], now }: { readonly recent: readonly HistoryRun[]; readonly daily?: readonly HistoryRun[]; readonly now: number }) {
  const [reading, setReading] = useState<string | undefined>(undefined);
  const totals = historyTotals(recent, now);
  const summary = historySummary(totals, lang(), t);
  const monthUptime = uptimeText(dailyTotals(daily, now), lang());
  return (
    <div class="history" data-testid="history" title={summary}>
      <Bar segments={historySegments(recent, now)} length={30 * 60_000} label={t('history24hLabel')} uptime={uptimeText(totals, lang())} testId="history-24h" onRead={setReading} />
      <Bar segments={dailySegments(daily, now)} length={DAY_MS} label={t('history30dLabel')} uptime={monthUptime} testId="history-30d" onRead={setReading} />
      <p class="history-readout muted" data-testid="history-readout">
        {reading ?? summary}
      </p>
      <p class="visually-hidden">{t('historyLast30d', monthUptime ? t('historyUptime', monthUptime) : t('historyNone'))}</p>
    </div>
  );
}

function ServiceRow({
  id,
  health,
  recent,
  daily,
  now,
}: {
  readonly id: ServiceId;
  readonly health: ServiceHealth;
  readonly recent: readonly HistoryRun[];
  readonly daily: readonly HistoryRun[];
  readonly now: number;
}) {
  const word = wordFor(health);
  return (
    <li data-service={id} data-status={word}>
      <span class={`mark mark-${word}`} aria-hidden="true" />
      <span class="service-name">{serviceName(id)}</span>
      <span class="service-status">{t(WORD_KEYS[word])}</span>
      <span class="muted service-detail" data-testid="service-detail">
        <When at={health.since} now={now} text={(when) => t('popupSince', when)} />
        {health.lastCheck !== null && (
          <>
            {' · '}
            <When at={health.lastCheck} now={now} text={(when) => t('popupChecked', when)} />
            {health.latencyMs !== null && ` · ${t('popupLatency', String(Math.round(health.latencyMs)))}`}
          </>
        )}
      </span>
      <HistoryBar recent={recent} daily={daily} now={now} />
    </li>
  );
}

/** The one-line answer at the top: all normal, what is down, or the user's own connection. */
export function Verdict({ summary }: { readonly summary: Summary }) {
  return (
    <p class={`verdict verdict-${summary.verdict}`} data-testid="verdict" role="status">
      {verdictText(summary)}
    </p>
  );
}

/**
 * One row per service Detour knows something about: the status as a word and a mark, never colour
 * alone; since when, the last check and its latency, and the last 24 hours. Busy while a check runs.
 */
export function StatusList({ view, now, busy = false }: { readonly view: HealthView; readonly now: number; readonly busy?: boolean }) {
  const known = SERVICE_IDS.filter((id) => view.state.services[id].status !== 'unknown');
  if (known.length === 0) return null;
  const ordered = [...known].sort((a, b) => WORD_ORDER[wordFor(view.state.services[a])] - WORD_ORDER[wordFor(view.state.services[b])]);
  return (
    <ul class="services" data-testid="services" aria-busy={busy ? 'true' : 'false'}>
      {ordered.map((id) => (
        <ServiceRow key={id} id={id} health={view.state.services[id]} recent={view.state.history[id].recent} daily={view.state.history[id].daily} now={now} />
      ))}
    </ul>
  );
}
