import { SERVICE_IDS, type ServiceId } from '../../core/catalog/index.ts';
import { DEFAULTS, offeredAlternatives, type ServiceMode, type Settings, type SettingsPatch } from '../../core/settings/index.ts';
import { alternativeName, serviceName, t } from '../components/i18n.ts';
import { AlternativeList } from './AlternativeList.tsx';

const OFFERED_MODES: ReadonlyArray<readonly [ServiceMode, string, string]> = [
  ['suggest', 'modeSuggest', 'modeShortSuggest'],
  ['redirect', 'modeRedirect', 'modeShortRedirect'],
  ['off', 'modeOff', 'modeShortOff'],
];

interface Props {
  readonly settings: Settings | undefined;
  readonly save: (patch: SettingsPatch) => void;
  readonly announce: (text: string) => void;
}

/** One line for the closed entry: what Detour does for this service, and with which alternatives. */
function summaryOf(settings: Settings, id: ServiceId): string {
  const entry = settings.services[id];
  const mode = OFFERED_MODES.find(([value]) => value === entry.mode)?.[2] ?? 'modeShortSuggest';
  const offered = offeredAlternatives(entry).map(alternativeName);
  return `${t(mode)} · ${offered.length > 0 ? offered.join(', ') : t('optionsNoAlternativesShort')}`;
}

/**
 * Per service, in a collapsible entry (16 services stay one screen): what happens when it fails, and
 * its alternatives on or off, in order.
 */
export function ServiceSection({ settings, save, announce }: Props) {
  return (
    <section aria-labelledby="services-heading" class="services-section">
      <h2 id="services-heading">{t('optionsServicesHeading')}</h2>
      <p class="muted">{t('optionsServicesHint')}</p>
      {SERVICE_IDS.map((id) => (
        <details key={id} class="service" data-service-details={id}>
          <summary>
            <span class="service-name">{serviceName(id)}</span>
            <span class="muted service-summary" data-testid={`summary-${id}`}>
              {settings ? summaryOf(settings, id) : ''}
            </span>
          </summary>
          <div class="service-body">
            <fieldset data-service={id} disabled={!settings}>
              <legend>{t('optionsModeLegend', serviceName(id))}</legend>
              {OFFERED_MODES.map(([mode, key]) => (
                <label key={mode} class="choice">
                  <input type="radio" name={`mode-${id}`} value={mode} checked={settings?.services[id].mode === mode} onChange={() => save({ services: { [id]: { mode } } })} />
                  {t(key)}
                </label>
              ))}
            </fieldset>
            <AlternativeList
              service={id}
              items={(settings ?? DEFAULTS).services[id].alternatives}
              disabled={!settings}
              onChange={(alternatives) => save({ services: { [id]: { alternatives } } })}
              announce={announce}
            />
          </div>
        </details>
      ))}
    </section>
  );
}
