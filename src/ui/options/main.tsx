import { render } from 'preact';
import { SETTINGS_FILE_MAX_BYTES, importSettings, parseSettingsFile, settingsFileName, toSettingsFile } from '../../core/settings/file.ts';
import type { SettingsHome } from '../../core/settings/home.ts';
import { applyPatch, type Settings, type SettingsPatch } from '../../core/settings/index.ts';
import { SETTINGS_KEY } from '../../core/storage-keys.ts';
import { send } from '../../platform/messaging.ts';
import { onStorageChange } from '../../platform/storage.ts';
import { onSettingsChange, prepareLanguage, storedSettings } from '../components/page.ts';
import { downloadText } from './download.ts';
import type { ImportProblem } from './file-messages.ts';
import type { ManageOutcome } from './ManageSection.tsx';
import { Options, type OptionsActions, type SaveStatus } from './Options.tsx';
import '../components/base.css';
import './options.css';

const TITLE_KEY = 'optionsTitle';
const root = document.getElementById('root')!;
let current: Settings | undefined;
let placeCount = 0;
let home: SettingsHome | undefined;
let status: SaveStatus = 'idle';
let outcome: ManageOutcome | undefined;
let announcement = '';
/** Saves on their way to the background: until the last one answers, the page shows its own latest change. */
let pending = 0;
/** Bumped by every change made here, so an older answer from the background cannot undo a newer change. */
let generation = 0;

const actions: OptionsActions = {
  save: (patch) => void save(patch),
  clearPlaces: () => void clearPlaces(),
  exportFile: () => void exportFile(),
  importFile: (file) => void importFile(file),
  reset: () => void reset(),
  announce: (text) => {
    announcement = text;
    show();
  },
};

function show(): void {
  render(<Options settings={current} placeCount={placeCount} home={home} status={status} outcome={outcome} announcement={announcement} actions={actions} />, root);
}

async function refresh(): Promise<void> {
  const asked = generation;
  try {
    const state = await send('state/get', null);
    if (asked !== generation || pending > 0) return;
    current = state.settings;
    placeCount = state.placeCount;
    home = state.settingsHome;
  } catch {
    status = 'failed';
  }
  show();
}

async function save(patch: SettingsPatch): Promise<void> {
  if (!current) return;
  // Shown at once (a second quick move builds on the first), then confirmed by the background.
  const local = applyPatch(current, patch);
  if (local.ok) current = local.settings;
  generation += 1;
  pending += 1;
  show();
  try {
    const result = await send('settings/update', patch);
    pending -= 1;
    status = result.ok ? 'saved' : 'failed';
    if (pending === 0 && result.ok) current = result.settings;
    if (!result.ok) await refresh();
  } catch {
    pending -= 1;
    status = 'failed';
    await refresh();
  }
  show();
}

async function clearPlaces(): Promise<void> {
  try {
    await send('places/clear', null);
    placeCount = 0;
    status = 'saved';
  } catch {
    status = 'failed';
  }
  show();
}

async function exportFile(): Promise<void> {
  try {
    // The settings as stored now, not as this page last saw them.
    const { settings } = await send('state/get', null);
    const now = new Date();
    const name = settingsFileName(now);
    downloadText(name, `${JSON.stringify(toSettingsFile(settings, now), null, 2)}\n`);
    outcome = { kind: 'exported', name };
  } catch {
    outcome = { kind: 'export-failed' };
  }
  show();
}

async function readChosen(file: File): Promise<{ ok: true; value: unknown } | { ok: false; problem: ImportProblem }> {
  try {
    // An oversized file is refused by its size alone, without reading it.
    return parseSettingsFile(file.size > SETTINGS_FILE_MAX_BYTES ? '' : await file.text(), file.size);
  } catch {
    return { ok: false, problem: { kind: 'unreadable' } };
  }
}

async function importFile(file: File): Promise<void> {
  if (!current) return;
  const parsed = await readChosen(file);
  // Checked here to answer at once; the background checks again before anything is written.
  const checked = parsed.ok ? importSettings(current, parsed.value) : undefined;
  const problem = !parsed.ok ? parsed.problem : checked && !checked.ok ? checked.problem : undefined;
  if (problem || !parsed.ok) {
    outcome = { kind: 'import-failed', problem: problem ?? { kind: 'failed' } };
    show();
    return;
  }
  generation += 1;
  try {
    const result = await send('settings/import', parsed.value);
    if (result.ok) current = result.settings;
    outcome = result.ok ? { kind: 'imported', result } : { kind: 'import-failed', problem: result.problem };
  } catch {
    outcome = { kind: 'import-failed', problem: { kind: 'failed' } };
  }
  show();
}

async function reset(): Promise<void> {
  generation += 1;
  try {
    current = await send('settings/reset', null);
    outcome = { kind: 'reset' };
  } catch {
    outcome = { kind: 'reset-failed' };
  }
  show();
}

// The page speaks the user's language from its first render.
void storedSettings()
  .then((settings) => prepareLanguage(settings, TITLE_KEY))
  .then(() => {
    show();
    return refresh();
  });
// A language chosen here or elsewhere: render again once t() speaks it.
onSettingsChange(TITLE_KEY, () => show());
// A change from another context, or from the user's other browser through sync.
onStorageChange(['local', 'sync'], [SETTINGS_KEY], () => void refresh());
