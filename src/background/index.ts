// Wiring only: browser events in, core decisions, browser actions out. Every rule lives in a module
// that takes its browser functions as parameters (unit-tested with in-memory fakes) or in src/core.
import { ALTERNATIVES, SERVICE_IDS, hostPermissions, isAlternativeId, isServiceId, serviceForUrl, serviceMatchPatterns, type ServiceId } from '../core/catalog/index.ts';
import { isLegacyHealth, joinFromStorage, splitForStorage } from '../core/health/storage.ts';
import { mainFrameEvent, serviceToAsk } from '../core/health/signals.ts';
import { badgeFor, badgeTitleFor } from '../core/health/summary.ts';
import type { HealthEvent, HealthState } from '../core/health/types.ts';
import { createBatcher } from '../core/util/batch.ts';
import { createPageStatusChanges } from '../core/page-script/status.ts';
import { ALTERNATIVE_PROBE_TIMEOUT_MS } from '../core/rescue/redirect.ts';
import type { MainFrameOutcome } from '../core/health/main-frame.ts';
import { createSettingsHome } from '../core/settings/home.ts';
import { DEFAULTS } from '../core/settings/defaults.ts';
import { createSettingsStore } from '../core/settings/store.ts';
import { createTabPasses } from '../core/rescue/tab-passes.ts';
import { clearAlarm, ensureAlarm, onAlarm } from '../platform/alarms.ts';
import { clearTabBadge, setBadge, setTabBadge } from '../platform/badge.ts';
import { onCommand } from '../platform/commands.ts';
import { onInstalled, onMenuClicked, replaceMenus } from '../platform/context-menus.ts';
import { devicePlatform } from '../platform/device.ts';
import { alternativeName, lang, languageSettled, serviceName, t, useLanguage } from '../platform/i18n.ts';
import { onSuspend } from '../platform/lifecycle.ts';
import { hasOtherSitesAccess, onPermissionsChange } from '../platform/permissions.ts';
import { handleMessages } from '../platform/message-router.ts';
import { browserSaysOffline, onBrowserNetworkChange } from '../platform/network.ts';
import { clearNotification, notify, onNotificationClicked } from '../platform/notifications.ts';
import { probe } from '../platform/probe.ts';
import { callInTab, committedSince, injectScript } from '../platform/scripting.ts';
import { localArea, onStorageChange, sessionArea, syncArea, writeLocal } from '../platform/storage.ts';
import { keepInAction } from '../platform/blocked-navigation.ts';
import { replaceSessionRules } from '../platform/session-rules.ts';
import { askTab, sendToTab, tabsOn } from '../platform/tab-messaging.ts';
import { activeTab, extensionUrl, navigateTab, openNextTo, tabInfo } from '../platform/tabs.ts';
import { openTabUrls } from '../platform/tabs-open.ts';
import { watchMainFrames, watchOtherSites, watchSubresourceErrors } from '../platform/web-request.ts';
import { createOpenElsewhere } from './open-elsewhere/menu.ts';
import { createBanners } from './page-script/banner.ts';
import { cachedArea } from './cached-area.ts';
import { createFailureLog } from './rescue/failure-log.ts';
import { PROBE_ALARM, createHealth } from './health/health.ts';
import { createOtherSites } from './other-sites/watch.ts';
import { createKnownDownSync } from './rescue/known-down-sync.ts';
import { createLoads, type Load } from './rescue/loads.ts';
import { createOffers } from './offer.ts';
import { createPageReports } from './page-script/reports.ts';
import { createPlaceStore } from './place-store.ts';
import { createRescuer } from './rescue/rescuer.ts';
import { cacheSettings } from './settings-cache.ts';
import { createSubresources } from './health/subresources.ts';
import { createWithheldCheck } from './health/withheld.ts';
import { HEALTH_KEY, HISTORY_KEY, PAGE_STATUS_KEY, SETTINGS_KEY } from '../core/storage-keys.ts';

// Listeners are registered synchronously at start-up: an MV3 service worker woken by an event only
// receives it if its listener exists by the end of the first turn.
const area = localArea();
const now = Date.now;
const timers = { setTimer: (run: () => void, ms: number): unknown => setTimeout(run, ms), clearTimer: (timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>) };
const warn = (message: string) => console.warn(`Detour: ${message}`);
const report = (error: unknown) => console.error('Detour:', error);

// Only the settings follow the user to their other browsers; health, history and places stay here.
const settingsHome = createSettingsHome({ key: SETTINGS_KEY, local: area, sync: syncArea(), report: warn });
const settings = cacheSettings(createSettingsStore(settingsHome, warn));
const currentSettings = () => settings.get();
/** The language notifications, menus, the badge's title and banners speak; resolves once it is in use. */
const applyLanguage = () => useLanguage(currentSettings().then((read) => read.language));
let languageLoaded = applyLanguage();
/** The hang limit as last read: a load's timer starts in the same turn as the load. */
const hangLimitMs = () => settings.peek()?.hangLimitMs ?? DEFAULTS.hangLimitMs;

const failures = createFailureLog(area);
const places = createPlaceStore(area);
// Only the background writes the session's passes, redirects and snoozes: read once, kept in memory.
const session = cachedArea(sessionArea());
const passes = createTabPasses(session, now);
const offerFor = createOffers({ settings: currentSettings, lookupPlace: (id) => places.lookup(id), platform: devicePlatform });

/** The live state under one key, the history (written less often) under another. */
async function writeHealth(state: HealthState, withHistory: boolean): Promise<void> {
  const { live, history } = splitForStorage(state);
  await writeLocal(withHistory ? { [HEALTH_KEY]: live, [HISTORY_KEY]: history } : { [HEALTH_KEY]: live });
}

const health = createHealth({
  persistence: {
    read: async () => {
      const [live, history] = await Promise.all([area.get(HEALTH_KEY), area.get(HISTORY_KEY)]);
      const state = joinFromStorage(live, history, now());
      // A state from before the split (one key, history inside): both parts written once, now.
      if (isLegacyHealth(live)) await writeHealth(state, true);
      return state;
    },
    write: (state, { history }) => writeHealth(state, history),
  },
  settings: currentSettings,
  now,
  probe,
  notify: async (id, service, transition) => {
    // A worker woken by the event that failed may still be reading the user's language.
    await languageSettled();
    await notify(id, t('extName'), t(transition === 'down' ? 'notifyDown' : transition === 'unstable' ? 'notifyUnstable' : 'notifyUp', serviceName(service)));
  },
  setBadge: async (summary) => {
    await languageSettled();
    const badge = badgeFor(summary);
    const title = badgeTitleFor(summary);
    await setBadge(badge.text, badge.color, t(title.key, title.services?.map(serviceName).join(', ')));
  },
  ensureAlarm,
  clearAlarm,
  openServices: async () => [...new Set((await openTabUrls(serviceMatchPatterns())).flatMap((url) => serviceForUrl(url) ?? []))],
  ...timers,
});
const healthState = () => health.state();

/** Navigations to a service confirmed down never leave the browser (see knownDownRules). */
const syncKnownDown = createKnownDownSync({ state: healthState, settings: currentSettings, passes: () => passes.active(), apply: replaceSessionRules, keepIn: keepInAction() });
syncKnownDown().catch(report);
/** A value, once the session rules have caught up with whatever changed before it. */
async function settled<T>(value: T): Promise<T> {
  await syncKnownDown().catch(report);
  return value;
}
/** The user let a tab through to Kakao: its rule must let it through before the tab moves. */
async function letThrough(tabId: number, service: ServiceId, once: boolean): Promise<void> {
  await passes.grant(tabId, service, once);
  await syncKnownDown();
}

/** Backlinks of redirect notifications. In memory: a lost entry costs one click. */
const backLinks = new Map<string, { tabId: number; service: ServiceId; url: string }>();
const loads = createLoads({
  now,
  ...timers,
  committedSince,
  tabInfo,
  onHang: (load, waitedMs) => {
    onOutcome({ type: 'hang', tabId: load.tabId, url: load.url, waitedMs }, load.requestId, load).catch(report);
  },
});
const rescuer = createRescuer({
  settings: currentSettings,
  failures,
  passes,
  loads,
  healthState,
  offerFor,
  now,
  navigateTab,
  extensionUrl,
  language: async () => {
    await languageSettled();
    return lang();
  },
  answers: async (url, timeoutMs) => (await probe(url, timeoutMs, true)).ok,
  notifyRedirect: async (id, service, link) => {
    await notify(id, t('extName'), t('redirectNotice', [serviceName(service), alternativeName(link.alternative)]));
  },
  rememberBackLink: (id, back) => backLinks.set(id, back),
  passUsed: () => void syncKnownDown().catch(report),
});
const banners = createBanners({ settings: currentSettings, session, offerFor, t, serviceName, alternativeName, tabsOn, sendToTab, injectScript });

async function onOutcome(outcome: MainFrameOutcome, requestId: string, load: Load | undefined): Promise<void> {
  if (!(await currentSettings()).enabled) return;
  await rescuer.handleOutcome(outcome, requestId, load);
  const event = mainFrameEvent(outcome, now());
  if (!event) {
    // No evidence (http, another port, a wildcard name): at most a reason to ask Kakao's own server.
    const ask = serviceToAsk(outcome);
    if (ask) await health.check([ask], 'failure');
    return;
  }
  await health.dispatch([event]);
  await health.wake();
  // Confirm a failure (and learn whether it is the user's own network) without waiting for the alarm.
  if (event.type === 'main-frame-failure' || event.type === 'hang') await health.check([event.service], 'failure');
}

watchMainFrames(serviceMatchPatterns(), {
  onStart: ({ requestId, tabId, url }) => {
    const load = loads.start(requestId, tabId, url, hangLimitMs());
    const service = serviceForUrl(url);
    if (load && service) rescuer.handleStart(load, service).catch(report);
  },
  onAnswered: (requestId, statusCode) => loads.answered(requestId, statusCode),
  onOutcome: (outcome, requestId) => {
    onOutcome(outcome, requestId, loads.ended(requestId)).catch(report);
  },
});

const subresources = createSubresources({
  dispatch: (events) => health.dispatch(events),
  settleWithheld: createWithheldCheck(probe),
  askCounts: (tabId, failedUrls) => askTab(tabId, 'page/count', failedUrls),
  setTimer: timers.setTimer,
  now,
  report,
});
watchSubresourceErrors(hostPermissions(), (outcome) => subresources.onError(outcome));
// Other sites' Kakao login, SDK, postcode and map requests: only with the user's optional permission.
const addOtherSitesEvent = createBatcher<HealthEvent>((events) => {
  health.dispatch(events).catch(report);
}, 1000);
createOtherSites({
  settings: currentSettings,
  healthState,
  addHealthEvent: addOtherSitesEvent,
  hangLimitMs,
  now,
  hasAccess: hasOtherSitesAccess,
  onAccessChange: onPermissionsChange,
  watch: watchOtherSites,
  browserOffline: browserSaysOffline,
  probe,
  setTabBadge,
  clearTabBadge,
  callInTab,
  t,
  report,
});

const pageSeen = createPageReports({
  settings: currentSettings,
  dispatch: (events) => health.dispatch(events),
  wake: () => health.wake(),
  bannerFor: (state, page) => banners.orderFor(state, page),
  rememberPlace: (facts) => places.seen(facts),
  servedError: (url) => loads.servedError(url),
  now,
});

onAlarm(PROBE_ALARM, () => {
  health.onAlarm().catch(report);
});
onBrowserNetworkChange((online) => {
  health.dispatch([{ type: 'browser-network', online, at: now() }]).catch(report);
});
if (browserSaysOffline()) health.dispatch([{ type: 'browser-network', online: false, at: now() }]).catch(report);
health.restoreBadge().catch(report);
onSuspend(() => {
  health.flush().catch(report);
});

/** The hosts of the services that are not plainly up, for the page scripts to read without waking us. */
const pageStatusChanges = createPageStatusChanges();
health.onChange((before, after) => {
  const status = pageStatusChanges(after);
  if (status) area.set(PAGE_STATUS_KEY, status).catch(report);
  banners.pushChanges(before, after).catch(report);
  syncKnownDown().catch(report);
});

// One click back from a redirect: the user goes to the Kakao address after all, and is let through.
onNotificationClicked((id) => {
  const back = backLinks.get(id);
  if (!back) return;
  backLinks.delete(id);
  letThrough(back.tabId, back.service, false)
    .then(() => navigateTab(back.tabId, back.url))
    .then(() => clearNotification(id))
    .catch(report);
});
// OpenElsewhere, not only in outages: "open in another service" from the context menu and the shortcut.
const openElsewhere = createOpenElsewhere({ offerFor, openNextTo, navigateTab, extensionUrl, t, alternativeName });
onInstalled(() => {
  languageLoaded.then(() => replaceMenus(openElsewhere.menuItems())).catch(report);
});
// Sync: a change made in the user's other browser arrives here too.
onStorageChange(['local', 'sync'], [SETTINGS_KEY], () => {
  settings.invalidate();
  syncKnownDown().catch(report);
  const before = lang();
  languageLoaded = applyLanguage();
  languageLoaded
    .then(async () => {
      // Menus outlive the worker and keep the titles they were made with: remake them in the new language.
      if (lang() !== before) await Promise.all([replaceMenus(openElsewhere.menuItems()), health.restoreBadge()]);
    })
    .catch(report);
});
onMenuClicked((click) => {
  openElsewhere.onMenuClick(click).catch(report);
});
onCommand((command, tab) => {
  openElsewhere.onCommand(command, tab).catch(report);
});

handleMessages(
  {
    'state/get': async () => ({ settings: await currentSettings(), lastFailure: await failures.last(), placeCount: await places.count(), settingsHome: await settingsHome.home() }),
    'settings/update': (patch) => settings.update(patch),
    'settings/import': (file) => settings.importFile(file),
    'settings/reset': () => settings.reset(),
    'page/seen': (facts, sender) => pageSeen(facts, sender.url),
    'page/requests': async (counts, sender) => {
      await subresources.onPageReport(counts, sender.url);
      return null;
    },
    'banner/snooze': async (request, sender) => {
      // Only for the service of the page asking.
      const service = serviceForUrl(sender.url ?? '');
      if (service && request?.service === service) await banners.snooze(service);
      return null;
    },
    'place/lookup': (request) => places.lookup(String(request?.id ?? '')),
    'places/clear': async () => ({ cleared: await places.clear() }),
    'tab/alternatives': async (request) => openElsewhere.forTab(await activeTab(typeof request?.windowId === 'number' ? request.windowId : undefined)),
    'health/get': () => health.view(),
    // Answered once the known-down rules follow the new state: a page that shows "back up" and the
    // navigation the user makes next must not meet a rule from before the check.
    'health/check-now': async () => settled(await health.check(SERVICE_IDS, 'user')),
    'health/check': async (request) => settled(await health.check((Array.isArray(request?.services) ? request.services : []).filter(isServiceId), 'fallback-page')),
    'alternatives/probe': async (request) => {
      const ids = (Array.isArray(request?.ids) ? request.ids : []).filter(isAlternativeId);
      const results = await Promise.all(ids.map((id) => probe(ALTERNATIVES[id].probe, ALTERNATIVE_PROBE_TIMEOUT_MS * 2, true)));
      return Object.fromEntries(ids.map((id, index) => [id, results[index]?.ok ?? false]));
    },
    'fallback/go': async (request, sender) => {
      // Only the fallback page in a tab may ask, and only for a catalogued Kakao address.
      const tabId = sender.tab?.id;
      const url = typeof request?.url === 'string' ? request.url : '';
      const service = serviceForUrl(url);
      if (tabId === undefined || !service) return { ok: false };
      await letThrough(tabId, service, request.lasting !== true);
      await navigateTab(tabId, url);
      return { ok: true };
    },
  },
  (reason) => console.warn(`Detour: message rejected: ${reason}`),
);
