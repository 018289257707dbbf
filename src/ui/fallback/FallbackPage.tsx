import { useEffect, useRef } from 'preact/hooks';
import { causeCode } from '../../core/rescue/cause-code.ts';
import { readableUrl } from '../../core/util/display.ts';
import { outageNewsUrl } from '../../core/rescue/outage-news.ts';
import { relativeTime } from '../../core/util/time-text.ts';
import type { FallbackRequest } from '../../core/rescue/fallback-query.ts';
import { linkDetail } from '../../core/translate/link-label.ts';
import { serviceHealthSpeaksFor } from '../../core/health/trust.ts';
import type { ServiceStatus, Summary } from '../../core/health/types.ts';
import { intentSubject, type Platform, type Translation } from '../../core/translate/index.ts';
import { alternativeName, causeText, lang, serviceName, t } from '../components/i18n.ts';
import { SearchField, searchFieldAlternatives } from './SearchField.tsx';

/** What the health engine says right now, as far as this page needs it. */
export interface LiveHealth {
  readonly network: 'unknown' | 'online' | 'offline';
  readonly verdict: Summary['verdict'];
  readonly status: ServiceStatus;
  readonly confirmed: boolean;
  /** Since when the service has been in this status (ms since the epoch). */
  readonly since?: number;
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
  /** A hang: the page keeps waiting for Kakao and goes back to it the moment it answers. */
  readonly waiting?: boolean;
  readonly onStopWaiting?: () => void;
  /** The user picked an alternative: nothing brings this tab back to Kakao any more. */
  readonly onChoose?: () => void;
  readonly now?: number;
}

type Severity = 'service' | 'kakao-wide' | 'network' | 'checking' | 'address';

function severityOf(health: LiveHealth | undefined, offline: boolean, addressOnly: boolean): Severity {
  if (offline) return 'network';
  if (addressOnly) return 'address';
  if (!health) return 'checking';
  if (health.verdict === 'kakao-wide') return 'kakao-wide';
  if (health.network === 'online' && health.status === 'down' && health.confirmed) return 'service';
  return 'checking';
}

const SEVERITY_KEYS: Record<Severity, string> = { service: 'severityService', 'kakao-wide': 'severityKakaoWide', network: 'severityNetwork', checking: 'severityChecking', address: 'severityAddress' };

/**
 * An address whose failure says nothing about the service (a blog under a wildcard name, a stranger's
 * port: core/health/trust.ts): the page helps with it, and claims no outage and no recovery.
 */
export function isAddressOnly(request: FallbackRequest): boolean {
  return !request.knownDown && !serviceHealthSpeaksFor(request.url);
}

/** Detour's own mark and name: the user should know which program is talking, not guess. */
function Brand() {
  return (
    <header class="brand" data-testid="brand">
      <img src="/icons/icon-48.png" alt="" width={28} height={28} />
      <span>{t('fallbackBrand')}</span>
    </header>
  );
}

/** A warning triangle: the page says "something is wrong" before a word is read. */
function WarningMark({ kind }: { readonly kind: 'down' | 'offline' | 'up' }) {
  return (
    <svg class={`warning-mark warning-${kind}`} data-testid="warning-mark" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
      {kind === 'up' ? <circle cx="12" cy="12" r="10" /> : <path d="M12 2.5 23 21.5H1Z" stroke-linejoin="round" />}
      {kind === 'up' ? <path d="m7 12.5 3.2 3.2L17 9" class="glyph" /> : <path d="M12 9v5.5M12 17.4v.2" class="glyph" />}
    </svg>
  );
}

function scopeText(health: LiveHealth | undefined, service: string, addressOnly: boolean): string {
  if (health?.network === 'offline') return t('scopeOffline');
  if (addressOnly) return t('scopeAddress', service);
  if (!health) return t('scopeChecking');
  if (health.verdict === 'kakao-wide') return t('scopeKakaoWide');
  if (health.network === 'online' && health.status === 'down' && health.confirmed) return t('scopeService', service);
  return t('scopeChecking');
}

export function FallbackPage({
  request,
  translation,
  health,
  reachable,
  autoReturn = false,
  onAutoReturn,
  onGo,
  platform = 'desktop',
  waiting = false,
  onStopWaiting,
  onChoose,
  now = Date.now(),
}: Props) {
  const firstLink = useRef<HTMLAnchorElement>(null);
  useEffect(() => firstLink.current?.focus(), []);

  if (!request) {
    return (
      <main class="fallback">
        <Brand />
        <h1>{t('extName')}</h1>
        <p data-testid="invalid">{t('fallbackInvalid')}</p>
      </main>
    );
  }
  const name = serviceName(request.service);
  const offline = health?.network === 'offline' || request.cause.kind === 'offline';
  const addressOnly = isAddressOnly(request);
  const recovered = !addressOnly && health?.status === 'up';
  // While the user's own connection is down no alternative would load either: offer none.
  const links = offline ? [] : (translation?.links ?? []);
  const subject = translation ? intentSubject(translation.intent) : '';
  // --- search field (SearchField.tsx): when the address says nothing, it stands in for the rows of the
  // alternatives that can search, which would otherwise all read "첫 화면 열기".
  const searchable = offline ? [] : searchFieldAlternatives(translation, platform);
  const listed = links.filter((link) => !searchable.includes(link.alternative));
  // --- end search field
  const severity = severityOf(health, offline, addressOnly);
  const since = !offline && !recovered && !addressOnly && health?.since !== undefined && health.status !== 'unknown' ? health.since : undefined;
  const [primary, ...others] = listed;
  const renderLink = (link: (typeof links)[number], index: number) => {
    const answered = reachable?.[link.alternative];
    const isPrimary = index === 0;
    return (
      <li key={link.alternative} class={isPrimary ? 'primary' : undefined}>
        <a
          href={link.url}
          rel="noreferrer"
          data-alternative={link.alternative}
          data-carries={link.carries}
          data-reachable={answered === undefined ? 'unknown' : String(answered)}
          class={answered === false ? 'unreachable' : undefined}
          ref={isPrimary && searchable.length === 0 ? firstLink : undefined}
          onClick={() => onChoose?.()}
        >
          <strong>{isPrimary ? t('fallbackContinueOn', alternativeName(link.alternative)) : alternativeName(link.alternative)}</strong>
          <span class="detail">
            {linkDetail(link, subject, t)}
            {answered === false && ` · ${t('altUnreachable')}`}
          </span>
        </a>
      </li>
    );
  };
  return (
    <main class="fallback" data-severity={severity}>
      <Brand />
      <div class="headline">
        <WarningMark kind={recovered && !offline ? 'up' : offline ? 'offline' : 'down'} />
        <div>
          <h1 data-testid="title">{addressOnly ? t('fallbackTitleAddress') : t('fallbackTitle', name)}</h1>
          <p class="status-line">
            <span class={`severity severity-${severity}`} data-testid="severity">
              {t(SEVERITY_KEYS[severity])}
            </span>
            {since !== undefined && (
              <time class="since" data-testid="since" dateTime={new Date(since).toISOString()}>
                {t('fallbackSince', relativeTime(since, now, lang(), t('timeJustNow')))}
              </time>
            )}
          </p>
        </div>
      </div>
      <p class="cause-line">
        <span class="visually-hidden">{t('fallbackCause')}: </span>
        <span data-testid="cause">{offline ? t('causeOffline') : causeText(request.cause)}</span>
      </p>
      <p data-testid="scope" class={offline ? 'warn' : 'muted'} role="status">
        {scopeText(health, name, addressOnly)}
      </p>
      {request.knownDown && (
        <p class="muted" data-testid="known-down">
          {t('knownDownNote', name)}
        </p>
      )}
      {request.redirectSkipped && (
        <p class="muted" data-testid="redirect-skipped">
          {request.redirectSkipped === 'too-soon' ? t('redirectSkippedTooSoon') : t('redirectSkippedNoAlternative')}
        </p>
      )}
      {offline && (
        <p class="warn" data-testid="offline-hint">
          {t('fallbackOfflineHint')}
        </p>
      )}
      {recovered && !offline && (
        <p class="notice" data-testid="recovered" role="status">
          {waiting ? t('fallbackReturning', name) : t('fallbackRecovered', name)} <a href={request.url}>{t('fallbackBackToOriginal')}</a>
        </p>
      )}
      {translation && searchable.length > 0 && (
        <SearchField
          translation={translation}
          alternatives={searchable}
          platform={platform}
          autoFocus
          open={(url) => {
            onChoose?.();
            location.assign(url);
          }}
        />
      )}
      {waiting && !recovered && !offline && (
        <div class="notice waiting" data-testid="waiting" role="status">
          <span class="spinner" aria-hidden="true" />
          <p>{t('fallbackWaiting', name)}</p>
          <button type="button" class="button quiet" data-testid="stop-waiting" onClick={() => onStopWaiting?.()}>
            {t('fallbackWaitingStop')}
          </button>
        </div>
      )}
      {primary && (
        <section aria-labelledby="alts-heading">
          <h2 id="alts-heading" class="visually-hidden">
            {t('fallbackAlternatives')}
          </h2>
          <ul class="alternatives" data-testid="alternatives">
            {renderLink(primary, 0)}
            {others.length > 0 && (
              <li class="others-heading" aria-hidden="true">
                {t('fallbackMoreAlternatives')}
              </li>
            )}
            {others.map((link, index) => renderLink(link, index + 1))}
          </ul>
        </section>
      )}
      {!offline && translation && links.length === 0 && (
        <p data-testid="no-alternatives">
          {t('fallbackNoAlternatives', name)} <a href="../options/index.html">{t('fallbackOpenOptions')}</a>
        </p>
      )}
      <p class="actions">
        <button type="button" class="button quiet" data-testid="retry" onClick={() => onGo?.(false)}>
          {t('fallbackRetry')}
        </button>
        <button type="button" class="button quiet" data-testid="go-anyway" onClick={() => onGo?.(true)}>
          {t('fallbackGoAnyway')}
        </button>
      </p>
      {!recovered && !waiting && !addressOnly && (
        <label class="choice">
          <input type="checkbox" data-testid="auto-return" checked={autoReturn} onChange={(event) => onAutoReturn?.(event.currentTarget.checked)} />
          {t('fallbackAutoReturn')}
        </label>
      )}
      {!offline && (
        <p class="others-too">
          <a href={outageNewsUrl(request.service)} rel="noreferrer" target="_blank" data-testid="news">
            {t('fallbackOthersToo')}
          </a>
        </p>
      )}
      <details class="details" data-testid="details">
        <summary>{t('fallbackDetails')}</summary>
        <dl class="facts">
          <dt>{t('fallbackErrorCode')}</dt>
          <dd class="url" data-testid="error-code">
            {causeCode(request.cause)}
          </dd>
          <dt>{t('fallbackAddress')}</dt>
          <dd class="url" data-testid="original">
            {readableUrl(request.url)}
          </dd>
        </dl>
      </details>
    </main>
  );
}
