import { render } from 'preact';
import { parseFailure, type FailureRecord } from '../../core/health/last-failure.ts';
import { healthView } from '../../core/health/view.ts';
import type { HealthView } from '../../core/health/view.ts';
import type { Settings } from '../../core/settings/index.ts';
import { HEALTH_KEY, HISTORY_KEY, LAST_FAILURE_KEY, SETTINGS_KEY } from '../../core/storage-keys.ts';
import type { AlternativeLink } from '../../core/translate/index.ts';
import { send } from '../../platform/messaging.ts';
import { onLocalChange, readLocal } from '../../platform/storage.ts';
import { currentWindowId, navigateTab, openNextTo, openOptionsPage } from '../../platform/tabs.ts';
import { markPainted, onSettingsChange, prepareLanguage, settingsFrom } from '../components/page.ts';
import { Popup, type PageAlternativesView } from './Popup.tsx';
import '../components/base.css';
import './popup.css';

/** Relative times ("3분 전") are redrawn this often while the popup stays open. */
const CLOCK_MS = 30_000;
const TITLE_KEY = 'extName';

const root = document.getElementById('root')!;

interface View {
  settings: Settings;
  health: HealthView;
  lastFailure: FailureRecord | null;
  ready: boolean;
  checking: boolean;
  error: boolean;
  page: PageAlternativesView | null | undefined;
}
let view: View | undefined;

function show(): void {
  if (!view) return;
  render(
    <Popup
      {...view}
      now={Date.now()}
      onToggle={(enabled) => void toggle(enabled)}
      onCheckNow={() => void checkNow()}
      onOpenOptions={() => void openOptionsPage()}
      onOpenAlternative={(link) => void openAlternative(link)}
    />,
    root,
  );
}

function update(change: Partial<View>): void {
  if (!view) return;
  view = { ...view, ...change };
  show();
}

async function toggle(enabled: boolean): Promise<void> {
  const result = await send('settings/update', { enabled });
  if (result.ok) update({ settings: result.settings });
}

async function checkNow(): Promise<void> {
  update({ checking: true });
  try {
    update({ health: await send('health/check-now', null) });
  } finally {
    update({ checking: false });
  }
}

/** Next to the Kakao tab, as the context menu opens it; then the popup has done its job. */
async function openAlternative(link: AlternativeLink): Promise<void> {
  // On the fallback page the alternative takes that tab's place: it is what the tab was for.
  if (view?.page?.fallback) await navigateTab(view.page.tab.id, link.url);
  else await openNextTo(view?.page?.tab, link.url);
  window.close();
}

/**
 * First paint straight from storage (the background may be asleep, and waking it costs more than the
 * whole render), then the background's own answer. Nothing is rendered before there is data to show.
 */
async function start(): Promise<void> {
  const stored = await readLocal([SETTINGS_KEY, HEALTH_KEY, HISTORY_KEY, LAST_FAILURE_KEY]).catch((): Record<string, unknown> => ({}));
  const settings = settingsFrom(stored);
  await prepareLanguage(settings, TITLE_KEY);
  view = {
    settings,
    health: healthView(stored[HEALTH_KEY], stored[HISTORY_KEY], Date.now()),
    lastFailure: parseFailure(stored[LAST_FAILURE_KEY]),
    ready: false,
    checking: false,
    error: false,
    page: undefined,
  };
  show();
  markPainted('cached');

  Promise.all([send('state/get', null), send('health/get', null)]).then(
    ([state, health]) => {
      update({ settings: state.settings, lastFailure: state.lastFailure, health, ready: true });
      markPainted('fresh');
    },
    () => update({ error: true }),
  );
  // The background's offer for the active tab (on a fallback page, the address that failed there),
  // the same one its context menu and shortcut make: the place cache and the user's order included.
  currentWindowId()
    .then((windowId) => send('tab/alternatives', { windowId: windowId ?? null }))
    .then(
      (page) => update({ page }),
      () => update({ page: null }),
    );
}

void start();
// Probes finishing in the background update the rows while the popup is open (read where they were written).
onLocalChange([HEALTH_KEY, HISTORY_KEY], () => {
  readLocal([HEALTH_KEY, HISTORY_KEY]).then(
    (stored) => update({ health: healthView(stored[HEALTH_KEY], stored[HISTORY_KEY], Date.now()) }),
    () => undefined,
  );
});
onSettingsChange(TITLE_KEY, (settings) => update({ settings }));
setInterval(show, CLOCK_MS);
