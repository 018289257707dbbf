import { render } from 'preact';
import type { ServiceId } from '../../core/catalog/index.ts';
import type { ServiceMode, Settings, SettingsPatch } from '../../core/settings/index.ts';
import { send } from '../../platform/messaging.ts';
import { onSettingsChange, prepareLanguage, storedSettings } from '../components/page.ts';
import { Options, type SaveStatus } from './Options.tsx';
import '../components/base.css';
import './options.css';

const TITLE_KEY = 'optionsTitle';
const root = document.getElementById('root')!;
let current: Settings | undefined;
let placeCount = 0;
let shownStatus: SaveStatus = 'idle';

function show(status: SaveStatus): void {
  shownStatus = status;
  render(
    <Options
      settings={current}
      placeCount={placeCount}
      status={status}
      onToggle={(enabled) => void save({ enabled })}
      onMode={(service: ServiceId, mode: ServiceMode) => void save({ services: { [service]: { mode } } })}
      onPlaceCache={(placeCache) => void save({ placeCache })}
      onClearPlaces={() => void clearPlaces()}
      onNotifications={(notifications) => void save({ notifications })}
      onHangLimit={(hangLimitMs) => void save({ hangLimitMs })}
    />,
    root,
  );
}

async function save(patch: SettingsPatch): Promise<void> {
  try {
    const result = await send('settings/update', patch);
    if (result.ok) current = result.settings;
    show(result.ok ? 'saved' : 'failed');
  } catch {
    show('failed');
  }
}

async function clearPlaces(): Promise<void> {
  try {
    await send('places/clear', null);
    placeCount = 0;
    show('saved');
  } catch {
    show('failed');
  }
}

// The page speaks the user's language from its first render, and follows a change made anywhere.
void storedSettings()
  .then((settings) => prepareLanguage(settings, TITLE_KEY))
  .then(() => {
    show('idle');
    return send('state/get', null);
  })
  .then(
    (state) => {
      current = state.settings;
      placeCount = state.placeCount;
      show('idle');
    },
    () => show('failed'),
  );
onSettingsChange(TITLE_KEY, (settings) => {
  // Until the background has answered, the controls stay disabled (they need it to save).
  if (current) current = settings;
  show(shownStatus);
});
