import { render } from 'preact';
import type { ServiceId } from '../../core/catalog/index.ts';
import type { ServiceMode, Settings, SettingsPatch } from '../../core/settings/index.ts';
import { send } from '../../platform/messaging.ts';
import { prepareDocument } from '../components/i18n.ts';
import { Options, type SaveStatus } from './Options.tsx';
import '../components/base.css';
import './options.css';

prepareDocument('optionsTitle');
const root = document.getElementById('root')!;
let current: Settings | undefined;

function show(status: SaveStatus): void {
  render(
    <Options
      settings={current}
      status={status}
      onToggle={(enabled) => void save({ enabled })}
      onMode={(service: ServiceId, mode: ServiceMode) => void save({ services: { [service]: { mode } } })}
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

show('idle');
send('state/get', null).then(
  (state) => {
    current = state.settings;
    show('idle');
  },
  () => show('failed'),
);
