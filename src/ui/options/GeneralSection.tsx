import { HANG_LIMIT_MAX_MS, HANG_LIMIT_MIN_MS, PROBE_MODES, type ProbeMode, type Settings, type SettingsPatch } from '../../core/settings/index.ts';
import { t } from '../components/i18n.ts';

const PROBE_LABELS: Readonly<Record<ProbeMode, string>> = {
  auto: 'optionsProbesAuto',
  'after-failure': 'optionsProbesAfterFailure',
  manual: 'optionsProbesManual',
};

interface Props {
  readonly settings: Settings | undefined;
  readonly save: (patch: SettingsPatch) => void;
}

/** Settings for every service: notifications, the hang limit, when Detour checks on Kakao by itself. */
export function GeneralSection({ settings, save }: Props) {
  return (
    <section aria-labelledby="general-heading">
      <h2 id="general-heading">{t('optionsGeneralHeading')}</h2>
      <label class="choice">
        <input type="checkbox" data-testid="notifications" checked={settings?.notifications ?? true} disabled={!settings} onChange={(event) => save({ notifications: event.currentTarget.checked })} />
        {t('optionsNotifications')}
      </label>
      <label class="choice">
        <input
          type="checkbox"
          data-testid="no-banner"
          aria-describedby="no-banner-hint"
          checked={settings ? !settings.banner : false}
          disabled={!settings}
          onChange={(event) => save({ banner: !event.currentTarget.checked })}
        />
        {t('optionsNoBanner')}
      </label>
      <p class="muted hint" id="no-banner-hint">
        {t('optionsNoBannerHint')}
      </p>
      <label class="choice">
        {t('optionsHangLimit')}
        <input
          type="number"
          data-testid="hang-limit"
          min={HANG_LIMIT_MIN_MS / 1000}
          max={HANG_LIMIT_MAX_MS / 1000}
          step={1}
          value={(settings?.hangLimitMs ?? 8000) / 1000}
          disabled={!settings}
          onChange={(event) => save({ hangLimitMs: Math.round(Number(event.currentTarget.value) * 1000) })}
        />
      </label>
      <fieldset data-testid="probes" disabled={!settings} aria-describedby="probes-hint">
        <legend>{t('optionsProbesLegend')}</legend>
        {PROBE_MODES.map((mode) => (
          <label key={mode} class="choice">
            <input type="radio" name="probes" value={mode} checked={settings?.probes === mode} onChange={() => save({ probes: mode })} />
            {t(PROBE_LABELS[mode])}
          </label>
        ))}
        <p id="probes-hint" class="muted">
          {t('optionsProbesHint')}
        </p>
      </fieldset>
    </section>
  );
}
