import { render } from 'preact';
import type { HealthView, UiState } from '../../core/messages.ts';
import { send } from '../../platform/messaging.ts';
import { onLocalChange } from '../../platform/storage.ts';
import { openOptionsPage } from '../../platform/tabs.ts';
import { prepareDocument } from '../components/i18n.ts';
import { Popup } from './Popup.tsx';
import '../components/base.css';
import './popup.css';

prepareDocument('extName');
const root = document.getElementById('root')!;
let state: UiState | undefined;
let health: HealthView | undefined;
let checking = false;
let error = false;

function show(): void {
  render(
    <Popup
      state={state}
      health={health}
      checking={checking}
      error={error}
      onToggle={(enabled) => void toggle(enabled)}
      onCheckNow={() => void checkNow()}
      onOpenOptions={() => void openOptionsPage()}
    />,
    root,
  );
}

async function toggle(enabled: boolean): Promise<void> {
  if (!state) return;
  const result = await send('settings/update', { enabled });
  if (result.ok) state = { ...state, settings: result.settings };
  show();
}

async function checkNow(): Promise<void> {
  checking = true;
  show();
  try {
    health = await send('health/check-now', null);
  } finally {
    checking = false;
    show();
  }
}

async function refreshHealth(): Promise<void> {
  health = await send('health/get', null);
  show();
}

show();
Promise.all([send('state/get', null), send('health/get', null)]).then(
  ([loaded, view]) => {
    state = loaded;
    health = view;
    show();
  },
  () => {
    error = true;
    show();
  },
);
// Probes finishing in the background update the rows while the popup is open.
onLocalChange(['health'], () => void refreshHealth().catch(() => undefined));
