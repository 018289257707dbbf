import { SERVICE_IDS, type ServiceId } from '../../core/catalog/index.ts';
import type { ServiceHealth, Summary } from '../../core/health/types.ts';
import type { HealthView } from '../../core/messages.ts';
import { lang, serviceName, t } from './i18n.ts';

type Word = 'up' | 'degraded' | 'down' | 'suspect' | 'unknown';

function wordFor(health: ServiceHealth): Word {
  if (health.status === 'down') return health.confirmed ? 'down' : 'suspect';
  return health.status;
}

const WORD_KEYS: Record<Word, string> = { up: 'statusUp', degraded: 'statusDegraded', down: 'statusDown', suspect: 'statusSuspect', unknown: 'statusUnknown' };

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

function time(at: number): string {
  return new Intl.DateTimeFormat(lang(), { hour: 'numeric', minute: '2-digit' }).format(at);
}

/** One row per service Detour knows something about: the status as a word and a mark, never colour alone. */
export function StatusList({ view }: { readonly view: HealthView }) {
  const known = SERVICE_IDS.filter((id) => view.state.services[id].status !== 'unknown');
  return (
    <div class="status">
      <p class={`verdict verdict-${view.summary.verdict}`} data-testid="verdict" role="status">
        {verdictText(view.summary)}
      </p>
      {known.length > 0 && (
        <ul class="services" data-testid="services">
          {known.map((id) => {
            const health = view.state.services[id];
            const word = wordFor(health);
            return (
              <li key={id} data-service={id} data-status={word}>
                <span class={`mark mark-${word}`} aria-hidden="true" />
                <span class="service-name">{serviceName(id)}</span>
                <span class="service-status">{t(WORD_KEYS[word])}</span>
                <span class="muted service-detail">
                  {t('popupSince', time(health.since))}
                  {health.latencyMs !== null && ` · ${t('popupLatency', String(health.latencyMs))}`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
