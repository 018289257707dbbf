import { useEffect, useRef } from 'preact/hooks';
import { readableUrl } from '../../core/display.ts';
import type { FailureRecord } from '../../core/health/last-failure.ts';
import { linkDetail } from '../../core/link-label.ts';
import type { HealthView, TabAlternatives } from '../../core/messages.ts';
import type { Settings } from '../../core/settings/index.ts';
import type { AlternativeLink } from '../../core/translate/index.ts';
import { StatusList, Verdict } from '../components/StatusList.tsx';
import { Switch } from '../components/Switch.tsx';
import { alternativeName, causeText, lang, serviceName, t } from '../components/i18n.ts';

interface Props {
  readonly settings: Settings;
  readonly health: HealthView;
  readonly lastFailure: FailureRecord | null;
  /** The background has answered: until then the page shows what storage held, controls disabled. */
  readonly ready: boolean;
  readonly checking: boolean;
  readonly error: boolean;
  /** The active tab's Kakao page in other services: null when it is no Kakao page, undefined until known. */
  readonly page: TabAlternatives | null | undefined;
  readonly now: number;
  readonly onToggle: (enabled: boolean) => void;
  readonly onCheckNow: () => void;
  readonly onOpenOptions: () => void;
  readonly onOpenAlternative: (link: AlternativeLink) => void;
}

function LastFailure({ failure }: { readonly failure: FailureRecord | null }) {
  if (!failure) return <p class="muted" data-testid="last-failure">{t('popupNoFailure')}</p>;
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
function PageAlternatives({ page, onOpen }: { readonly page: TabAlternatives; readonly onOpen: (link: AlternativeLink) => void }) {
  return (
    <section aria-labelledby="page-alts-heading" data-testid="page-alternatives" data-service={page.service}>
      <h2 id="page-alts-heading">{t('popupPageAlternatives')}</h2>
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
      {page && <PageAlternatives page={page} onOpen={onOpenAlternative} />}
      <button type="button" class="button" data-testid="check-now" ref={checkButton} disabled={checking || !ready} onClick={onCheckNow}>
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
