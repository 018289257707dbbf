// Every key Detour keeps in the browser's storage, with its area and what it holds: the one table.
// The strings are users' stored data: never change one (a new name is a migration). No imports: the
// page script reads PAGE_STATUS_KEY and nothing else may come along into its 8 KB budget.

// storage.sync (and storage.local: local always keeps a copy; settings/home.ts decides where they live)

/** The settings (settings/index.ts), in the settings home and always copied to local. */
export const SETTINGS_KEY = 'settings';

// storage.local

/** Which home the last settings write reached, 'sync' or 'local' (it describes this browser, not the account). */
export const SETTINGS_HOME_KEY = 'settingsHome';
/** A stored settings value that needed repair, kept untouched with its time, so a bad write loses nothing. */
export const SETTINGS_BACKUP_KEY = 'settingsBackup';
/** This browser's last good settings, with their time, before a synced value replaced them. */
export const SETTINGS_LAST_GOOD_KEY = 'settingsLastGood';
/** This browser's own settings, set aside when the first move to sync found another browser's there. */
export const SETTINGS_LOCAL_BEFORE_SYNC_KEY = 'settingsLocalBeforeSync';
/** The live health state without its history (health/storage.ts); written on every transition. */
export const HEALTH_KEY = 'health';
/** The compact 30-day health history (health/history-codec.ts); written at most once a minute. */
export const HISTORY_KEY = 'healthHistory';
/** The most recent failure Detour stepped in for (health/last-failure.ts), as the popup shows it. */
export const LAST_FAILURE_KEY = 'lastFailure';
/** The place cache (places/cache.ts): what healthy place pages said about their places. */
export const PLACE_CACHE_KEY = 'placeCache';
/** The hosts of the services not plainly up (page-script/status.ts), read by the page script without waking the background. */
export const PAGE_STATUS_KEY = 'pageStatus';

// storage.session (memory where the browser has none)

/** Each tab's passes per service, "다시 시도" and "그래도 카카오로 이동" (rescue/tab-passes.ts). */
export const TAB_PASSES_KEY = 'tabPasses';
/** When each tab was last redirected, for redirect mode's guardrails (rescue/tab-passes.ts). */
export const TAB_REDIRECTS_KEY = 'tabRedirects';
/** The services whose in-page banner the user snoozed until the browser closes. */
export const BANNER_SNOOZED_KEY = 'bannerSnoozed';

/** The keys of each storage area (storage-keys.test.ts checks them unique per area and all listed). */
export const STORAGE_KEYS = {
  sync: [SETTINGS_KEY],
  local: [SETTINGS_KEY, SETTINGS_HOME_KEY, SETTINGS_BACKUP_KEY, SETTINGS_LAST_GOOD_KEY, SETTINGS_LOCAL_BEFORE_SYNC_KEY, HEALTH_KEY, HISTORY_KEY, LAST_FAILURE_KEY, PLACE_CACHE_KEY, PAGE_STATUS_KEY],
  session: [TAB_PASSES_KEY, TAB_REDIRECTS_KEY, BANNER_SNOOZED_KEY],
} as const;
