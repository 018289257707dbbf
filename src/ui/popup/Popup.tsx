import { readableUrl } from '../../core/display.ts';
import type { FailureRecord } from '../../core/health/last-failure.ts';
import type { HealthView, UiState } from '../../core/messages.ts';
import { StatusList } from '../components/StatusList.tsx';
import { Switch } from '../components/Switch.tsx';
import { causeText, lang, serviceName, t } from '../components/i18n.ts';

interface Props {
  readonly state: UiState | undefined;
  readonly health: HealthView | undefined;
  readonly checking: boolean;
  readonly error: boolean;
  readonly onToggle: (enabled: boolean) => void;
  readonly onCheckNow: () => void;
  readonly onOpenOptions: () => void;
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

export function Popup({ state, health, checking, error, onToggle, onCheckNow, onOpenOptions }: Props) {
  if (error) return <main class="popup"><p role="alert">{t('popupLoadError')}</p></main>;
  // Until the state arrives, keep the layout (no blank flash) with the controls disabled.
  const enabled = state?.settings.enabled ?? true;
  return (
    <main class="popup" aria-busy={state ? 'false' : 'true'}>
      {health && <StatusList view={health} />}
      <button type="button" class="button" data-testid="check-now" disabled={checking || !state} onClick={onCheckNow}>
        {checking ? t('popupChecking') : t('popupCheckNow')}
      </button>
      <Switch label={t('switchLabel')} hint={enabled ? t('switchOnHint') : t('switchOffHint')} checked={enabled} disabled={!state} onChange={onToggle} />
      <section aria-labelledby="last-heading">
        <h2 id="last-heading">{t('popupLastFailure')}</h2>
        {state && <LastFailure failure={state.lastFailure} />}
      </section>
      <button type="button" class="button secondary" onClick={onOpenOptions}>
        {t('popupOpenOptions')}
      </button>
    </main>
  );
}
