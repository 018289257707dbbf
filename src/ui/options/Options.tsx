import { PRIVACY_PAGE } from '../../core/identity.ts';
import type { SettingsHome } from '../../core/settings/home.ts';
import type { Settings, SettingsPatch } from '../../core/settings/index.ts';
import { Switch } from '../components/Switch.tsx';
import { t } from '../components/i18n.ts';
import { ExceptionsSection } from './ExceptionsSection.tsx';
import { GeneralSection } from './GeneralSection.tsx';
import { ManageSection, type ManageOutcome } from './ManageSection.tsx';
import { PlaceCacheSection } from './PlaceCacheSection.tsx';
import { ServiceSection } from './ServiceSection.tsx';
import { LanguageSection } from './LanguageSection.tsx';
import { OtherSitesSitesSection } from './OtherSitesSection.tsx';

export type SaveStatus = 'idle' | 'saved' | 'failed';

/** What the page can do; each section takes the few it needs. */
export interface OptionsActions {
  readonly save: (patch: SettingsPatch) => void;
  readonly clearPlaces: () => void;
  readonly exportFile: () => void;
  readonly importFile: (file: File) => void;
  readonly reset: () => void;
  readonly announce: (text: string) => void;
}

interface Props {
  readonly settings: Settings | undefined;
  readonly placeCount: number;
  readonly home: SettingsHome | undefined;
  readonly status: SaveStatus;
  readonly outcome: ManageOutcome | undefined;
  /** The last reorder, for screen readers. */
  readonly announcement: string;
  readonly actions: OptionsActions;
}

/** The options page: one section per concern, each a small component of its own. */
export function Options({ settings, placeCount, home, status, outcome, announcement, actions }: Props) {
  const { save } = actions;
  return (
    <main class="options" aria-busy={settings ? 'false' : 'true'}>
      <h1>{t('optionsTitle')}</h1>
      <Switch
        label={t('switchLabel')}
        hint={settings?.enabled === false ? t('switchOffHint') : t('switchOnHint')}
        checked={settings?.enabled ?? true}
        disabled={!settings}
        onChange={(enabled) => save({ enabled })}
      />
      <ServiceSection settings={settings} save={save} announce={actions.announce} />
      <GeneralSection settings={settings} save={save} />
      <ExceptionsSection settings={settings} save={save} />
      <LanguageSection value={settings?.language} />
      <OtherSitesSitesSection />
      <PlaceCacheSection settings={settings} placeCount={placeCount} save={save} clearPlaces={actions.clearPlaces} />
      <ManageSection ready={settings !== undefined} home={home} outcome={outcome} exportFile={actions.exportFile} importFile={actions.importFile} reset={actions.reset} />
      <p class="privacy" data-testid="privacy">
        {t('optionsPrivacyNote')}{' '}
        <a href={`/${PRIVACY_PAGE}`} target="_blank" rel="noopener">
          {t('optionsPrivacyLink')}
        </a>
      </p>
      <p role="status" class="save-status" data-testid="save-status">
        {status === 'saved' ? t('optionsSaved') : status === 'failed' ? t('optionsSaveFailed') : ''}
      </p>
      <p class="visually-hidden" aria-live="polite" data-testid="announcer">
        {announcement}
      </p>
    </main>
  );
}
