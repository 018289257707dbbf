import { useEffect, useRef } from 'preact/hooks';
import { readableUrl } from '../../core/display.ts';
import type { FallbackRequest } from '../../core/fallback.ts';
import { linkDetail } from '../../core/link-label.ts';
import type { ServiceStatus, Summary } from '../../core/health/types.ts';
import { intentSubject, type Platform, type Translation } from '../../core/translate/index.ts';
import { alternativeName, causeText, serviceName, t } from '../components/i18n.ts';
import { SearchField, searchFieldAlternatives } from './SearchField.tsx';

/** What the health engine says right now, as far as this page needs it. */
export interface LiveHealth {
  readonly network: 'unknown' | 'online' | 'offline';
  readonly verdict: Summary['verdict'];
  readonly status: ServiceStatus;
  readonly confirmed: boolean;
}

interface Props {
  readonly request: FallbackRequest | undefined;
  readonly translation: Translation | undefined;
  readonly health?: LiveHealth | undefined;
  /** Which alternatives answered their probe; absent until probed. */
  readonly reachable?: Readonly<Record<string, boolean>> | undefined;
  readonly autoReturn?: boolean;
  readonly onAutoReturn?: (on: boolean) => void;
  readonly onGo?: (lasting: boolean) => void;
  /** Where app links can open (the search field builds its links for it). */
  readonly platform?: Platform;
}

function scopeText(health: LiveHealth | undefined, service: string): string {
  if (!health) return t('scopeChecking');
  if (health.network === 'offline') return t('scopeOffline');
  if (health.verdict === 'kakao-wide') return t('scopeKakaoWide');
  if (health.network === 'online' && health.status === 'down' && health.confirmed) return t('scopeService', service);
  return t('scopeChecking');
}

export function FallbackPage({ request, translation, health, reachable, autoReturn = false, onAutoReturn, onGo, platform = 'desktop' }: Props) {
  const firstLink = useRef<HTMLAnchorElement>(null);
  useEffect(() => firstLink.current?.focus(), []);

  if (!request) {
    return (
      <main class="fallback">
        <h1>{t('extName')}</h1>
        <p data-testid="invalid">{t('fallbackInvalid')}</p>
      </main>
    );
  }
  const name = serviceName(request.service);
  const offline = health?.network === 'offline' || request.cause.kind === 'offline';
  const recovered = health?.status === 'up';
  // While the user's own connection is down no alternative would load either: offer none.
  const links = offline ? [] : (translation?.links ?? []);
  const subject = translation ? intentSubject(translation.intent) : '';
  // --- search field (SearchField.tsx): when the address says nothing, it stands in for the rows of the
  // alternatives that can search, which would otherwise all read "첫 화면 열기".
  const searchable = offline ? [] : searchFieldAlternatives(translation, platform);
  const listed = links.filter((link) => !searchable.includes(link.alternative));
  // --- end search field
  return (
    <main class="fallback">
      <h1 data-testid="title">{t('fallbackTitle', name)}</h1>
      <dl class="facts">
        <dt>{t('fallbackCause')}</dt>
        <dd data-testid="cause">{offline ? t('causeOffline') : causeText(request.cause)}</dd>
        <dt>{t('fallbackAddress')}</dt>
        <dd class="url" data-testid="original">{readableUrl(request.url)}</dd>
      </dl>
      <p data-testid="scope" class={offline ? 'warn' : 'muted'} role="status">
        {scopeText(health, name)}
      </p>
      {request.knownDown && <p class="muted" data-testid="known-down">{t('knownDownNote', name)}</p>}
      {request.redirectSkipped && (
        <p class="muted" data-testid="redirect-skipped">
          {request.redirectSkipped === 'too-soon' ? t('redirectSkippedTooSoon') : t('redirectSkippedNoAlternative')}
        </p>
      )}
      {offline && <p class="warn" data-testid="offline-hint">{t('fallbackOfflineHint')}</p>}
      {recovered && !offline && (
        <p class="notice" data-testid="recovered" role="status">
          {t('fallbackRecovered', name)} <a href={request.url}>{t('fallbackBackToOriginal')}</a>
        </p>
      )}
      {translation && searchable.length > 0 && <SearchField translation={translation} alternatives={searchable} platform={platform} autoFocus />}
      {listed.length > 0 && (
        <section aria-labelledby="alts-heading">
          <h2 id="alts-heading">{t('fallbackAlternatives')}</h2>
          <ul class="alternatives" data-testid="alternatives">
            {listed.map((link, index) => {
              const answered = reachable?.[link.alternative];
              return (
                <li key={link.alternative}>
                  <a
                    href={link.url}
                    rel="noreferrer"
                    data-alternative={link.alternative}
                    data-carries={link.carries}
                    data-reachable={answered === undefined ? 'unknown' : String(answered)}
                    class={answered === false ? 'unreachable' : undefined}
                    ref={index === 0 && searchable.length === 0 ? firstLink : undefined}
                  >
                    <strong>{alternativeName(link.alternative)}</strong>
                    <span class="muted">
                      {linkDetail(link, subject, t)}
                      {answered === false && ` · ${t('altUnreachable')}`}
                    </span>
                  </a>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {!offline && translation && links.length === 0 && (
        <p data-testid="no-alternatives">
          {t('fallbackNoAlternatives', name)} <a href="../options/index.html">{t('fallbackOpenOptions')}</a>
        </p>
      )}
      <p class="actions">
        <button type="button" class="button secondary" data-testid="retry" onClick={() => onGo?.(false)}>
          {t('fallbackRetry')}
        </button>
        <button type="button" class="button secondary" data-testid="go-anyway" onClick={() => onGo?.(true)}>
          {t('fallbackGoAnyway')}
        </button>
      </p>
      {!recovered && (
        <label class="choice">
          <input type="checkbox" data-testid="auto-return" checked={autoReturn} onChange={(event) => onAutoReturn?.(event.currentTarget.checked)} />
          {t('fallbackAutoReturn')}
        </label>
      )}
    </main>
  );
}
