import { describe, expect, it } from 'vitest';
import { MemoryArea } from '../../../test/support/memory-area.ts';
import { SERVICE_IDS, SERVICES } from '../catalog/index.ts';
import { DEFAULTS, HANG_LIMIT_MAX_MS, type Settings } from './defaults.ts';
import { SYNC_QUOTA_BYTES_PER_ITEM, createSettingsHome, syncItemBytes } from './home.ts';
import { createSettingsStore } from './store.ts';
import { SETTINGS_BACKUP_KEY, SETTINGS_HOME_KEY, SETTINGS_KEY, SETTINGS_LAST_GOOD_KEY, SETTINGS_LOCAL_BEFORE_SYNC_KEY } from '../storage-keys.ts';

const MINE = { ...structuredClone(DEFAULTS), notifications: false };
const THEIRS = { ...structuredClone(DEFAULTS), hangLimitMs: 12_000 };
/** The error Chrome's storage.sync gives past its write quota. */
const QUOTA = new Error('QUOTA_BYTES_PER_ITEM quota exceeded');

function setup(initial: { local?: Record<string, unknown>; sync?: Record<string, unknown> | null } = {}) {
  const local = new MemoryArea(initial.local);
  const sync = initial.sync === null ? undefined : new MemoryArea(initial.sync ?? {});
  const reports: string[] = [];
  const home = createSettingsHome({ key: SETTINGS_KEY, local, sync, report: (message) => reports.push(message), now: () => 1234 });
  return { local, sync: sync!, home, reports };
}

describe('createSettingsHome: no storage.sync', () => {
  it('keeps the settings in local storage alone', async () => {
    const { local, home } = setup({ sync: null, local: { [SETTINGS_KEY]: MINE } });
    expect(await home.get(SETTINGS_KEY)).toEqual(MINE);
    await home.set(SETTINGS_KEY, THEIRS);
    expect(local.data.get(SETTINGS_KEY)).toEqual(THEIRS);
    expect(await home.home()).toBe('local');
    expect(local.data.has(SETTINGS_HOME_KEY)).toBe(false);
  });
});

describe('createSettingsHome: the first read', () => {
  it('a fresh install: nothing anywhere, sync becomes the home without writing settings', async () => {
    const { local, sync, home } = setup();
    expect(await home.get(SETTINGS_KEY)).toBeUndefined();
    expect(await home.home()).toBe('sync');
    expect(sync.writes).toEqual([]);
    expect(local.writes).toEqual([[SETTINGS_HOME_KEY, 'sync']]);
  });

  it('moves settings found only in local storage into sync, once, keeping the local copy', async () => {
    const { local, sync, home } = setup({ local: { [SETTINGS_KEY]: MINE } });
    expect(await home.get(SETTINGS_KEY)).toEqual(MINE);
    expect(sync.data.get(SETTINGS_KEY)).toEqual(MINE);
    expect(local.data.get(SETTINGS_KEY)).toEqual(MINE);
    expect(local.data.get(SETTINGS_HOME_KEY)).toBe('sync');
    await home.get(SETTINGS_KEY);
    expect(sync.writes).toHaveLength(1);
  });

  it("lets another browser's synced settings win, and keeps this browser's own aside", async () => {
    const { local, sync, home } = setup({ local: { [SETTINGS_KEY]: MINE }, sync: { [SETTINGS_KEY]: THEIRS } });
    expect(await home.get(SETTINGS_KEY)).toEqual(THEIRS);
    expect(local.data.get(SETTINGS_LOCAL_BEFORE_SYNC_KEY)).toEqual({ at: 1234, value: MINE });
    expect(local.data.get(SETTINGS_KEY)).toEqual(THEIRS);
    expect(sync.writes).toEqual([]);
    expect(await home.home()).toBe('sync');
  });

  it('sets nothing aside when both already agree', async () => {
    const { local, home } = setup({ local: { [SETTINGS_KEY]: MINE }, sync: { [SETTINGS_KEY]: structuredClone(MINE) } });
    expect(await home.get(SETTINGS_KEY)).toEqual(MINE);
    expect(local.data.has(SETTINGS_LOCAL_BEFORE_SYNC_KEY)).toBe(false);
  });

  it('stays local when sync refuses the move, and reports why', async () => {
    const { local, sync, home, reports } = setup({ local: { [SETTINGS_KEY]: MINE } });
    sync.failSet = QUOTA;
    expect(await home.get(SETTINGS_KEY)).toEqual(MINE);
    expect(await home.home()).toBe('local');
    expect(local.data.get(SETTINGS_HOME_KEY)).toBe('local');
    expect(reports.join('\n')).toContain('QUOTA_BYTES_PER_ITEM');
  });

  it('reads local storage, and decides nothing, while sync does not answer', async () => {
    const { local, sync, home } = setup({ local: { [SETTINGS_KEY]: MINE } });
    sync.failGet = new Error('sync is disabled');
    expect(await home.get(SETTINGS_KEY)).toEqual(MINE);
    expect(local.data.has(SETTINGS_HOME_KEY)).toBe(false);
    sync.failGet = undefined;
    expect(await home.get(SETTINGS_KEY)).toEqual(MINE);
    expect(sync.data.get(SETTINGS_KEY)).toEqual(MINE);
  });

  it('remembers the home across restarts (a new instance over the same areas)', async () => {
    const { local, sync } = setup({ local: { [SETTINGS_KEY]: MINE } });
    await createSettingsHome({ key: SETTINGS_KEY, local, sync }).get(SETTINGS_KEY);
    sync.data.set(SETTINGS_KEY, THEIRS);
    // Not a first read again: no aside copy, the synced value simply answers.
    expect(await createSettingsHome({ key: SETTINGS_KEY, local, sync }).get(SETTINGS_KEY)).toEqual(THEIRS);
    expect(local.data.has(SETTINGS_LOCAL_BEFORE_SYNC_KEY)).toBe(false);
  });
});

describe('createSettingsHome: living in sync', () => {
  async function inSync() {
    const parts = setup({ local: { [SETTINGS_KEY]: MINE } });
    await parts.home.get(SETTINGS_KEY);
    return parts;
  }

  it('writes the local copy and sync', async () => {
    const { local, sync, home } = await inSync();
    await home.set(SETTINGS_KEY, THEIRS);
    expect(sync.data.get(SETTINGS_KEY)).toEqual(THEIRS);
    expect(local.data.get(SETTINGS_KEY)).toEqual(THEIRS);
    expect(await home.get(SETTINGS_KEY)).toEqual(THEIRS);
  });

  it('reads a change made in another browser, and refreshes the local copy with it', async () => {
    const { local, sync, home } = await inSync();
    sync.data.set(SETTINGS_KEY, THEIRS);
    expect(await home.get(SETTINGS_KEY)).toEqual(THEIRS);
    expect(local.data.get(SETTINGS_KEY)).toEqual(THEIRS);
    const writes = local.writes.length;
    await home.get(SETTINGS_KEY);
    expect(local.writes).toHaveLength(writes);
  });

  it('a write sync refuses (quota) lands in local storage, which then answers reads', async () => {
    const { local, sync, home, reports } = await inSync();
    sync.failSet = QUOTA;
    await home.set(SETTINGS_KEY, THEIRS);
    expect(local.data.get(SETTINGS_KEY)).toEqual(THEIRS);
    expect(sync.data.get(SETTINGS_KEY)).toEqual(MINE);
    expect(await home.home()).toBe('local');
    expect(local.data.get(SETTINGS_HOME_KEY)).toBe('local');
    // Not the older synced value.
    expect(await home.get(SETTINGS_KEY)).toEqual(THEIRS);
    expect(reports.some((line) => line.includes('quota'))).toBe(true);
  });

  it('goes back to sync with the next write sync takes', async () => {
    const { local, sync, home } = await inSync();
    sync.failSet = QUOTA;
    await home.set(SETTINGS_KEY, THEIRS);
    sync.failSet = undefined;
    const next = { ...THEIRS, enabled: false };
    await home.set(SETTINGS_KEY, next);
    expect(sync.data.get(SETTINGS_KEY)).toEqual(next);
    expect(await home.home()).toBe('sync');
    expect(local.data.get(SETTINGS_HOME_KEY)).toBe('sync');
  });

  it('answers from the local copy when sync stops answering or was emptied', async () => {
    const { sync, home } = await inSync();
    sync.failGet = new Error('sync is disabled');
    expect(await home.get(SETTINGS_KEY)).toEqual(MINE);
    sync.failGet = undefined;
    sync.data.delete(SETTINGS_KEY);
    expect(await home.get(SETTINGS_KEY)).toEqual(MINE);
  });

  it('does not even try sync with a value over its per-item quota', async () => {
    const { local, sync, home, reports } = await inSync();
    const huge = { ...THEIRS, padding: 'x'.repeat(SYNC_QUOTA_BYTES_PER_ITEM) };
    await home.set(SETTINGS_KEY, huge);
    expect(sync.writes).toHaveLength(1);
    expect(local.data.get(SETTINGS_KEY)).toEqual(huge);
    expect(await home.home()).toBe('local');
    expect(reports.some((line) => line.includes('per item'))).toBe(true);
  });

  it('keeps every other key in local storage: only the settings go to sync', async () => {
    const { local, sync, home } = await inSync();
    await home.set(SETTINGS_BACKUP_KEY, { at: 1, value: 'x' });
    expect(local.data.get(SETTINGS_BACKUP_KEY)).toEqual({ at: 1, value: 'x' });
    expect(sync.data.has(SETTINGS_BACKUP_KEY)).toBe(false);
    expect(await home.get(SETTINGS_BACKUP_KEY)).toEqual({ at: 1, value: 'x' });
    expect([...sync.data.keys()]).toEqual([SETTINGS_KEY]);
  });
});

describe('the settings store over a home whose sync fails', () => {
  it('keeps saving (locally) and reading back when sync refuses every write', async () => {
    const { local, sync, home } = setup();
    sync.failSet = QUOTA;
    const store = createSettingsStore(home);
    expect(await store.update({ notifications: false })).toEqual({ ok: true, settings: MINE });
    expect(await store.get()).toEqual(MINE);
    expect(local.data.get(SETTINGS_KEY)).toEqual(MINE);
    expect(sync.data.has(SETTINGS_KEY)).toBe(false);
  });
});

describe('sync quota', () => {
  /** Every setting at its longest: the longest mode, every alternative listed, the largest numbers. */
  const maximal: Settings = {
    ...structuredClone(DEFAULTS),
    hangLimitMs: HANG_LIMIT_MAX_MS,
    probes: 'after-failure',
    services: Object.fromEntries(SERVICE_IDS.map((id) => [id, { mode: 'redirect', alternatives: SERVICES[id].alternatives.map((alt) => ({ id: alt, enabled: false })) }])) as Settings['services'],
  };

  it('a maximal settings object fits one sync item with room to grow (half the per-item quota)', () => {
    expect(syncItemBytes(SETTINGS_KEY, maximal)).toBeLessThan(SYNC_QUOTA_BYTES_PER_ITEM / 2);
  });

  it('counts bytes as UTF-8, key included', () => {
    expect(syncItemBytes('k', 'é')).toBe(1 + 4);
    expect(syncItemBytes('설정', 1)).toBe(6 + 1);
  });
});

describe('createSettingsHome: a corrupt synced value (issue 12, finding 5)', () => {
  const settled = { [SETTINGS_HOME_KEY]: 'sync' };

  it.each([
    ['a string', 'garbage'],
    ['an array', [1, 2]],
    ['null', null],
    ['a wrong type inside', { ...structuredClone(DEFAULTS), hangLimitMs: 'soon' }],
    ['an unknown service mode', { ...structuredClone(DEFAULTS), services: { ...structuredClone(DEFAULTS.services), kakaomap: { ...DEFAULTS.services.kakaomap, mode: 'explode' } } }],
  ])('%s in sync never overwrites the last good local settings, and sync gets them back', async (_name, garbage) => {
    const { local, sync, home, reports } = setup({ local: { ...settled, [SETTINGS_KEY]: MINE }, sync: { [SETTINGS_KEY]: garbage } });
    expect(await home.get(SETTINGS_KEY)).toEqual(MINE);
    expect(local.data.get(SETTINGS_KEY)).toEqual(MINE);
    expect(sync.data.get(SETTINGS_KEY)).toEqual(MINE);
    expect(reports.some((line) => line.includes('corrupt'))).toBe(true);
  });

  it('through the store: the user keeps every value, and no backup of garbage replaces them', async () => {
    const { local, sync, home } = setup({ local: { ...settled, [SETTINGS_KEY]: MINE }, sync: { [SETTINGS_KEY]: MINE } });
    const store = createSettingsStore(home);
    expect(await store.get()).toEqual(MINE);
    // Another browser (or a bug there) writes garbage into sync.
    sync.data.set(SETTINGS_KEY, 'garbage');
    expect(await store.get()).toEqual(MINE);
    expect(local.data.get(SETTINGS_KEY)).toEqual(MINE);
    expect(sync.data.get(SETTINGS_KEY)).toEqual(MINE);
    expect(local.data.has(SETTINGS_BACKUP_KEY)).toBe(false);
  });

  it("on the first read too: a corrupt synced value does not win over this browser's settings", async () => {
    const { local, sync, home } = setup({ local: { [SETTINGS_KEY]: MINE }, sync: { [SETTINGS_KEY]: 'garbage' } });
    expect(await home.get(SETTINGS_KEY)).toEqual(MINE);
    expect(local.data.get(SETTINGS_KEY)).toEqual(MINE);
    expect(sync.data.get(SETTINGS_KEY)).toEqual(MINE);
    expect(local.data.has(SETTINGS_LOCAL_BEFORE_SYNC_KEY)).toBe(false);
  });

  it('a valid value from another browser still wins, and the last good one is kept aside', async () => {
    const { local, home } = setup({ local: { ...settled, [SETTINGS_KEY]: MINE }, sync: { [SETTINGS_KEY]: THEIRS } });
    expect(await home.get(SETTINGS_KEY)).toEqual(THEIRS);
    expect(local.data.get(SETTINGS_KEY)).toEqual(THEIRS);
    expect(local.data.get(SETTINGS_LAST_GOOD_KEY)).toEqual({ at: 1234, value: MINE });
  });

  it('a value from a newer Detour that this one cannot judge is used, and the last good settings kept', async () => {
    const newer = { schemaVersion: 99, services: 'garbage' };
    const { local, home } = setup({ local: { ...settled, [SETTINGS_KEY]: MINE }, sync: { [SETTINGS_KEY]: newer } });
    expect(await home.get(SETTINGS_KEY)).toEqual(newer);
    expect(local.data.get(SETTINGS_LAST_GOOD_KEY)).toEqual({ at: 1234, value: MINE });
  });
});
