import { readableUrl } from '../../core/display.ts';
import type { FailureRecord } from '../../core/health/last-failure.ts';
import type { UiState } from '../../core/messages.ts';
import { Switch } from '../components/Switch.tsx';
import { causeText, lang, serviceName, t } from '../components/i18n.ts';

interface Props {
  readonly state: UiState | undefined;
  readonly error: boolean;
  readonly onToggle: (enabled: boolean) => void;
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

export function Popup({ state, error, onToggle, onOpenOptions }: Props) {
  if (error) return <main class="popup"><p role="alert">{t('popupLoadError')}</p></main>;
  // Until the state arrives, keep the layout (no blank flash) with the switch disabled.
  const enabled = state?.settings.enabled ?? true;
  return (
    <main class="popup" aria-busy={state ? 'false' : 'true'}>
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
