import type { Settings, SettingsPatch } from '../../core/settings/index.ts';
import { t } from '../components/i18n.ts';

interface Props {
  readonly settings: Settings | undefined;
  readonly placeCount: number;
  readonly save: (patch: SettingsPatch) => void;
  readonly clearPlaces: () => void;
}

/** The local place cache: on or off, how many places it holds, and clearing it. */
export function PlaceCacheSection({ settings, placeCount, save, clearPlaces }: Props) {
  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('optionsPrivacyHeading')}</h2>
      <label class="choice">
        <input
          type="checkbox"
          data-testid="place-cache"
          checked={settings?.placeCache ?? true}
          disabled={!settings}
          onChange={(event) => save({ placeCache: event.currentTarget.checked })}
          aria-describedby="place-cache-hint"
        />
        {t('optionsPlaceCacheLabel')}
      </label>
      <p id="place-cache-hint" class="muted">
        {t('optionsPlaceCacheHint')}
      </p>
      <p>
        <span data-testid="place-count">{t('optionsPlaceCacheCount', String(placeCount))}</span>{' '}
        <button type="button" class="button secondary" data-testid="clear-places" disabled={placeCount === 0} onClick={clearPlaces}>
          {t('optionsPlaceCacheClear')}
        </button>
      </p>
    </section>
  );
}
