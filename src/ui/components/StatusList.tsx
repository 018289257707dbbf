import { SERVICE_IDS, type ServiceId } from '../../core/catalog/index.ts';
import { historySegments, historySummary, historyTotals } from '../../core/health/history-view.ts';
import type { HistoryRun, ServiceHealth, Summary } from '../../core/health/types.ts';
import type { HealthView } from '../../core/messages.ts';
import { relativeTime } from '../../core/time-text.ts';
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

/**
 * The last 24 hours in half-hour segments, each as bad as its worst moment. Height as well as colour
 * tells the statuses apart, and the bar is one image with a sentence for its text (also its tooltip),
 * not 48 things to tab through.
 */
export function HistoryBar({ recent, now }: { readonly recent: readonly HistoryRun[]; readonly now: number }) {
  const text = historySummary(historyTotals(recent, now), lang(), t);
  return (
    <div class="history-bar" role="img" aria-label={text} title={text} data-testid="history">
      {historySegments(recent, now).map((segment) => (
        <span key={segment.start} class={`segment segment-${segment.status}`} data-status={segment.status} />
      ))}
    </div>
  );
}

function ServiceRow({ id, health, recent, now }: { readonly id: ServiceId; readonly health: ServiceHealth; readonly recent: readonly HistoryRun[]; readonly now: number }) {
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
      <HistoryBar recent={recent} now={now} />
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
        <ServiceRow key={id} id={id} health={view.state.services[id]} recent={view.state.history[id].recent} now={now} />
      ))}
    </ul>
  );
}
