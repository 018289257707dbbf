import { useEffect, useRef } from 'preact/hooks';
import { readableUrl } from '../../core/util/display.ts';
import type { FailureRecord } from '../../core/health/last-failure.ts';
import { linkDetail } from '../../core/translate/link-label.ts';
import type { HealthView } from '../../core/health/view.ts';
import type { TabAlternatives } from '../../core/messages.ts';
import type { Settings } from '../../core/settings/index.ts';
import type { AlternativeLink } from '../../core/translate/index.ts';
import { SERVICE_IDS, SERVICES, getAlternative, type ServiceId } from '../../core/catalog/index.ts';
import { offeredAlternatives } from '../../core/settings/alternatives.ts';
import { relativeTime } from '../../core/util/time-text.ts';
import { translate } from '../../core/translate/index.ts';
import { StatusList, Verdict } from '../components/StatusList.tsx';
import { Switch } from '../components/Switch.tsx';
import { alternativeName, causeText, lang, serviceName, t } from '../components/i18n.ts';

/** The active tab's page in other services, as the background offers it (`fallback` on Detour's own fallback page). */
export type PageAlternativesView = TabAlternatives;

interface Props {
  readonly settings: Settings;
  readonly health: HealthView;
  readonly lastFailure: FailureRecord | null;
  /** The background has answered: until then the page shows what storage held, controls disabled. */
  readonly ready: boolean;
  readonly checking: boolean;
  readonly error: boolean;
  /** The active tab's Kakao page in other services: null when it is no Kakao page, undefined until known. */
  readonly page: PageAlternativesView | null | undefined;
  readonly now: number;
  readonly onToggle: (enabled: boolean) => void;
  readonly onCheckNow: () => void;
  readonly onOpenOptions: () => void;
  readonly onOpenAlternative: (link: AlternativeLink) => void;
}

function LastFailure({ failure }: { readonly failure: FailureRecord | null }) {
  if (!failure)
    return (
      <p class="muted" data-testid="last-failure">
        {t('popupNoFailure')}
      </p>
    );
  const when = new Intl.DateTimeFormat(lang(), { dateStyle: 'short', timeStyle: 'short' }).format(failure.at);
  return (
    <div data-testid="last-failure">
      <p>
        <strong>{serviceName(failure.service)}</strong> · {causeText(failure.cause)}
      </p>
      <p class="muted">
        <time dateTime={new Date(failure.at).toISOString()}>{when}</time>
      </p>
      <p class="url">{readableUrl(failure.url)}</p>
    </div>
  );
}

/** "이 페이지를 다른 서비스에서 열기": ordinary links (middle-click works), opened next to the page by a plain click. */
function PageAlternatives({ page, onOpen }: { readonly page: PageAlternativesView; readonly onOpen: (link: AlternativeLink) => void }) {
  return (
    <section aria-labelledby="page-alts-heading" data-testid="page-alternatives" data-service={page.service} data-fallback={page.fallback ? 'true' : undefined}>
      <h2 id="page-alts-heading">{page.fallback ? t('popupFallbackTab', serviceName(page.service)) : t('popupPageAlternatives')}</h2>
      <ul class="page-alternatives">
        {page.links.map((link) => (
          <li key={link.alternative}>
            <a
              href={link.url}
              target="_blank"
              rel="noreferrer"
              data-alternative={link.alternative}
              onClick={(event) => {
                // A plain click opens it beside the Kakao tab, as the context menu does; modified clicks are the browser's.
                if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
                event.preventDefault();
                onOpen(link);
              }}
            >
              <strong>{alternativeName(link.alternative)}</strong>
              <span class="muted">{linkDetail(link, page.subject, t)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Where "continue on the first alternative" leads for a service that is down: this tab's own page
 * when it is that service's, else the last address that failed there, else the alternative's home.
 */
function firstLinkFor(id: ServiceId, settings: Settings, page: PageAlternativesView | null | undefined, lastFailure: FailureRecord | null): AlternativeLink | undefined {
  if (page?.service === id && page.links[0]) return page.links[0];
  const order = offeredAlternatives(settings.services[id]);
  if (lastFailure?.service === id) {
    const link = translate(lastFailure.url, { order })?.links[0];
    if (link) return link;
  }
  const first = order.map((alternative) => getAlternative(alternative)).find((alternative) => alternative !== undefined);
  return first ? ({ alternative: first.id, url: first.home, carries: 'home', via: 'web' } as AlternativeLink) : undefined;
}

/** In an outage, the first thing to do: each service that is down, with its first alternative as the button. */
function OutageActions({
  view,
  settings,
  page,
  lastFailure,
  now,
  onOpen,
}: {
  readonly view: HealthView;
  readonly settings: Settings;
  readonly page: PageAlternativesView | null | undefined;
  readonly lastFailure: FailureRecord | null;
  readonly now: number;
  readonly onOpen: (link: AlternativeLink) => void;
}) {
  const down = view.summary.verdict === 'offline' ? [] : [...view.summary.down, ...view.summary.degraded];
  if (down.length === 0) return null;
  return (
    <ul class="outages" data-testid="outages">
      {down.map((id) => {
        const health = view.state.services[id];
        const link = firstLinkFor(id, settings, page, lastFailure);
        const word = health.status === 'degraded' ? 'statusDegraded' : 'statusDown';
        return (
          <li key={id} class="outage" data-outage={id}>
            <p class="outage-head">
              <span class={`mark mark-${health.status === 'degraded' ? 'degraded' : 'down'}`} aria-hidden="true" />
              <strong>{serviceName(id)}</strong> {t(word)}
              <span class="muted"> · {t('popupSince', relativeTime(health.since, now, lang(), t('timeJustNow')))}</span>
            </p>
            {link && (
              <a
                class="button outage-go"
                href={link.url}
                target="_blank"
                rel="noreferrer"
                data-testid="outage-go"
                data-alternative={link.alternative}
                onClick={(event) => {
                  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
                  event.preventDefault();
                  onOpen(link);
                }}
              >
                {t('fallbackContinueOn', alternativeName(link.alternative))}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** When nothing is wrong: say so calmly, and what Detour keeps an eye on. */
function Watching() {
  const names = SERVICE_IDS.map((id) => SERVICES[id].name[lang()]);
  return (
    <p class="muted watching" data-testid="watching">
      {t('popupWatching', [String(names.length), names.join(', ')])}
    </p>
  );
}

export function Popup({ settings, health, lastFailure, ready, checking, error, page, now, onToggle, onCheckNow, onOpenOptions, onOpenAlternative }: Props) {
  const enabled = settings.enabled;
  const checkButton = useRef<HTMLButtonElement>(null);
  // Disabling the button drops the keyboard focus; it goes back there when the check is done.
  const wasChecking = useRef(false);
  useEffect(() => {
    if (wasChecking.current && !checking && (document.activeElement === document.body || document.activeElement === null)) checkButton.current?.focus();
    wasChecking.current = checking;
  }, [checking]);
  return (
    <main class="popup" data-page={page === undefined ? 'pending' : (page?.service ?? 'none')}>
      {error && <p role="alert">{t('popupLoadError')}</p>}
      <Verdict summary={health.summary} />
      <OutageActions view={health} settings={settings} page={page} lastFailure={lastFailure} now={now} onOpen={onOpenAlternative} />
      {(health.summary.verdict === 'all-up' || health.summary.verdict === 'unknown') && <Watching />}
      {page && <PageAlternatives page={page} onOpen={onOpenAlternative} />}
      <button type="button" class="button secondary" data-testid="check-now" ref={checkButton} disabled={checking || !ready} onClick={onCheckNow}>
        {checking ? t('popupChecking') : t('popupCheckNow')}
      </button>
      <StatusList view={health} now={now} busy={checking} />
      <Switch label={t('switchLabel')} hint={enabled ? t('switchOnHint') : t('switchOffHint')} checked={enabled} disabled={!ready} onChange={onToggle} />
      <section aria-labelledby="last-heading">
        <h2 id="last-heading">{t('popupLastFailure')}</h2>
        <LastFailure failure={lastFailure} />
      </section>
      <button type="button" class="button secondary" onClick={onOpenOptions}>
        {t('popupOpenOptions')}
      </button>
    </main>
  );
}
