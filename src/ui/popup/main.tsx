import { render } from 'preact';
import type { UiState } from '../../core/messages.ts';
import { send } from '../../platform/messaging.ts';
import { openOptionsPage } from '../../platform/tabs.ts';
import { prepareDocument } from '../components/i18n.ts';
import { Popup } from './Popup.tsx';
import '../components/base.css';
import './popup.css';

prepareDocument('extName');
const root = document.getElementById('root')!;

function show(state: UiState | undefined, error = false): void {
  render(<Popup state={state} error={error} onToggle={(enabled) => void toggle(state, enabled)} onOpenOptions={() => void openOptionsPage()} />, root);
}

async function toggle(state: UiState | undefined, enabled: boolean): Promise<void> {
  if (!state) return;
  const result = await send('settings/update', { enabled });
  show(result.ok ? { ...state, settings: result.settings } : state);
}

show(undefined);
send('state/get', null).then(
  (state) => show(state),
  () => show(undefined, true),
);
