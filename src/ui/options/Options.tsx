import { SERVICE_IDS, type ServiceId } from '../../core/catalog/index.ts';
import { HANG_LIMIT_MAX_MS, HANG_LIMIT_MIN_MS, type ServiceMode, type Settings } from '../../core/settings/index.ts';
import { Switch } from '../components/Switch.tsx';
import { serviceName, t } from '../components/i18n.ts';
import { LeaningSitesSection } from './LeaningSites.tsx';

const OFFERED_MODES: ReadonlyArray<readonly [ServiceMode, string]> = [
  ['suggest', 'modeSuggest'],
  ['redirect', 'modeRedirect'],
  ['off', 'modeOff'],
];

export type SaveStatus = 'idle' | 'saved' | 'failed';

interface Props {
  readonly settings: Settings | undefined;
  readonly placeCount: number;
  readonly status: SaveStatus;
  readonly onToggle: (enabled: boolean) => void;
  readonly onMode: (service: ServiceId, mode: ServiceMode) => void;
  readonly onPlaceCache: (enabled: boolean) => void;
  readonly onNotifications: (enabled: boolean) => void;
  readonly onHangLimit: (ms: number) => void;
  readonly onClearPlaces: () => void;
}

export function Options({ settings, placeCount, status, onToggle, onMode, onPlaceCache, onClearPlaces, onNotifications, onHangLimit }: Props) {
  return (
    <main class="options" aria-busy={settings ? 'false' : 'true'}>
      <h1>{t('optionsTitle')}</h1>
      <Switch label={t('switchLabel')} hint={settings?.enabled === false ? t('switchOffHint') : t('switchOnHint')} checked={settings?.enabled ?? true} disabled={!settings} onChange={onToggle} />
      <h2>{t('optionsGeneralHeading')}</h2>
      <label class="choice">
        <input type="checkbox" data-testid="notifications" checked={settings?.notifications ?? true} disabled={!settings} onChange={(event) => onNotifications(event.currentTarget.checked)} />
        {t('optionsNotifications')}
      </label>
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
          onChange={(event) => onHangLimit(Math.round(Number(event.currentTarget.value) * 1000))}
        />
      </label>
      <h2>{t('optionsServicesHeading')}</h2>
      {SERVICE_IDS.map((id) => (
        <fieldset key={id} data-service={id} disabled={!settings}>
          <legend>{t('optionsModeLegend', serviceName(id))}</legend>
          {OFFERED_MODES.map(([mode, key]) => (
            <label key={mode} class="choice">
              <input type="radio" name={`mode-${id}`} value={mode} checked={settings?.services[id].mode === mode} onChange={() => onMode(id, mode)} />
              {t(key)}
            </label>
          ))}
        </fieldset>
      ))}
      <LeaningSitesSection />
      <h2>{t('optionsPrivacyHeading')}</h2>
      <label class="choice">
        <input type="checkbox" data-testid="place-cache" checked={settings?.placeCache ?? true} disabled={!settings} onChange={(event) => onPlaceCache(event.currentTarget.checked)} aria-describedby="place-cache-hint" />
        {t('optionsPlaceCacheLabel')}
      </label>
      <p id="place-cache-hint" class="muted">{t('optionsPlaceCacheHint')}</p>
      <p>
        <span data-testid="place-count">{t('optionsPlaceCacheCount', String(placeCount))}</span>{' '}
        <button type="button" class="button secondary" data-testid="clear-places" disabled={placeCount === 0} onClick={onClearPlaces}>
          {t('optionsPlaceCacheClear')}
        </button>
      </p>
      <p role="status" data-testid="save-status">
        {status === 'saved' ? t('optionsSaved') : status === 'failed' ? t('optionsSaveFailed') : ''}
      </p>
    </main>
  );
}
