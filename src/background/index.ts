import { ALTERNATIVES, SERVICE_IDS, hostPermissions, isAlternativeId, isServiceId, serviceForUrl, serviceMatchPatterns, type ServiceId } from '../core/catalog/index.ts';
import { createBatcher } from '../core/batch.ts';
import { classifyErrorPage } from '../core/health/error-page.ts';
import { mainFrameEvent, subresourceEvent, withheldSubresource } from '../core/health/signals.ts';
import type { HealthEvent } from '../core/health/types.ts';
import { PAGE_SCRIPT_FILE, shouldReadPage } from '../core/page-script.ts';
import { placeIdOf } from '../core/places/extract.ts';
import { ALTERNATIVE_PROBE_TIMEOUT_MS } from '../core/redirect.ts';
import type { MainFrameOutcome } from '../core/rescue.ts';
import { createSettingsHome } from '../core/settings/home.ts';
import { DEFAULTS } from '../core/settings/index.ts';
import { SETTINGS_KEY, createSettingsStore } from '../core/settings/store.ts';
import { createTabPasses } from '../core/tab-passes.ts';
import { pageTextCounts, trustedServiceForUrl } from '../core/trust.ts';
import { onAlarm } from '../platform/alarms.ts';
import { onCommand } from '../platform/commands.ts';
import { onInstalled, onMenuClicked, replaceMenus } from '../platform/context-menus.ts';
import { lang, useLanguage } from '../platform/i18n.ts';
import { handleMessages } from '../platform/message-router.ts';
import { browserSaysOffline, onBrowserNetworkChange } from '../platform/network.ts';
import { clearNotification, onNotificationClicked } from '../platform/notifications.ts';
import { probe } from '../platform/probe.ts';
import { injectScript } from '../platform/scripting.ts';
import { localArea, onStorageChange, sessionArea, syncArea } from '../platform/storage.ts';
import { activeTab, navigateTab, onTabLoaded, openNextTo } from '../platform/tabs.ts';
import { watchMainFrames, watchSubresources } from '../platform/web-request.ts';
import { createAnytime } from './anytime.ts';
import { createBanners } from './banner.ts';
import { createFailureLog } from './failure-log.ts';
import { createHangWatch } from './hang-watch.ts';
import { createLeaning } from './leaning.ts';
import { PROBE_ALARM, createHealth } from './health.ts';
import { createPlaceStore } from './place-store.ts';
import { createRescuer } from './rescuer.ts';
import { createTitleMemory } from './titles.ts';
import { createWithheldCheck } from './withheld.ts';

// Listeners are registered synchronously at start-up: an MV3 service worker woken by an event only
// receives it if its listener exists by the end of the first turn.
const area = localArea();
const warn = (message: string) => console.warn(`Detour: ${message}`);
// Only the settings follow the user to their other browsers; health, history and places stay here.
const settingsHome = createSettingsHome({ key: SETTINGS_KEY, local: area, sync: syncArea(), report: warn });
const settings = createSettingsStore(settingsHome, warn);
const failures = createFailureLog(area);
const places = createPlaceStore(area);
const titles = createTitleMemory();
/** The hang limit, kept in memory so a load's timer starts in the same turn as the load. */
let hangLimitMs = DEFAULTS.hangLimitMs;
/**
 * One read of the settings for what the background keeps from them: the hang limit, and the language
 * its notifications, menu titles, badge title and banners speak. Resolves once that language is in use.
 */
function applySettings(): Promise<void> {
  const current = settings.get();
  current.then((read) => {
    hangLimitMs = read.hangLimitMs;
  }, () => undefined);
  return useLanguage(current.then((read) => read.language));
}
const languageLoaded = applySettings();
const health = createHealth(area, settings);
const session = sessionArea();
const banners = createBanners({ settings, session, lookupPlace: (id) => places.lookup(id) });
const passes = createTabPasses(session, Date.now);
/** Redirect notifications and where they lead back to. In memory: a lost entry costs one click. */
const backLinks = new Map<string, { tabId: number; service: ServiceId; url: string }>();
const rescuer = createRescuer({
  settings,
  failures,
  passes,
  healthState: async () => (await health.view()).state,
  lookupPlace: (id) => places.lookup(id),
  titleFor: titles.take,
  rememberBackLink: (id, back) => backLinks.set(id, back),
});
const hangs = createHangWatch((requestId, tabId, url, waitedMs) => {
  void onOutcome({ type: 'hang', tabId, url, waitedMs }, requestId);
});
const report = (error: unknown) => console.error('Detour:', error);

// Kakao pages are read once they have loaded, never while they load (src/core/page-script.ts).
onTabLoaded((tabId, url) => {
  if (shouldReadPage(url)) void injectScript(tabId, PAGE_SCRIPT_FILE);
});

/** The address without its fragment: the same document, whichever part of it is shown. */
const documentOf = (url: string) => url.split('#')[0] ?? url;

/** Addresses whose last main-frame load answered with a 5xx (the most recent few). */
const serverErrors = new Set<string>();

function noteStatus(outcome: MainFrameOutcome): void {
  if (outcome.type !== 'response') return;
  const url = documentOf(outcome.url);
  if (outcome.statusCode < 500) {
    serverErrors.delete(url);
    return;
  }
  serverErrors.add(url);
  if (serverErrors.size > 50) serverErrors.delete(serverErrors.values().next().value as string);
}

async function onOutcome(outcome: MainFrameOutcome, requestId: string): Promise<void> {
  hangs.settle(requestId);
  noteStatus(outcome);
  // A load already rescued for hanging may still end later; the user has moved on, and so do we.
  if (outcome.type !== 'hang' && hangs.wasRescued(requestId)) return;
  if (!(await settings.get()).enabled) return;
  await rescuer.handleOutcome(outcome, requestId);
  const event = mainFrameEvent(outcome, Date.now());
  if (!event) return;
  await health.dispatch([event]);
  await health.wake();
  // Confirm a failure (and learn whether it is the user's own network) without waiting for the alarm.
  if (event.type === 'main-frame-failure' || event.type === 'hang') await health.check([event.service], 'failure');
}

watchMainFrames(serviceMatchPatterns(), {
  onStart: ({ requestId, tabId, url }) => {
    titles.noteStart(tabId, url).catch(report);
    // Synchronously, from the cached limit: a fast load's response can arrive before any storage read
    // resolves, and a timer started after it would never be cleared (a healthy page "rescued" 8 s later).
    hangs.start(requestId, tabId, url, hangLimitMs);
    rescuer
      .handleStart(tabId, url, requestId, () => {
        hangs.settle(requestId);
        hangs.markRescued(requestId);
      })
      .catch(report);
  },
  onResponding: (requestId) => hangs.settle(requestId),
  onOutcome: (outcome, requestId) => {
    onOutcome(outcome, requestId).catch(report);
  },
});

const addSubresource = createBatcher<HealthEvent>((events) => {
  health.dispatch(events).catch(report);
}, 1000);
const settleWithheld = createWithheldCheck(probe);
watchSubresources(hostPermissions(), (outcome) => {
  if (withheldSubresource(outcome)) {
    settleWithheld(outcome).then((settled) => {
      const event = subresourceEvent(settled, Date.now());
      if (event) addSubresource(event);
    }, report);
    return;
  }
  const event = subresourceEvent(outcome, Date.now());
  if (event) addSubresource(event);
});
// Other sites' Kakao login, SDK, postcode and map requests: only with the user's optional permission.
createLeaning({ settings, healthState: async () => (await health.view()).state, addHealthEvent: addSubresource, hangLimitMs: () => hangLimitMs });

onAlarm(PROBE_ALARM, () => {
  health.onAlarm().catch(report);
});
onBrowserNetworkChange((online) => {
  health.dispatch([{ type: 'browser-network', online, at: Date.now() }]).catch(report);
});
if (browserSaysOffline()) health.dispatch([{ type: 'browser-network', online: false, at: Date.now() }]).catch(report);
health.restoreBadge().catch(report);

// One click back from a redirect: the user goes to the Kakao address after all, and is let through.
onNotificationClicked((id) => {
  const back = backLinks.get(id);
  if (!back) return;
  backLinks.delete(id);
  passes
    .grant(back.tabId, back.service, false)
    .then(() => navigateTab(back.tabId, back.url))
    .then(() => clearNotification(id))
    .catch(report);
});
// Anytime, not only in outages: "open in another service" from the context menu and the shortcut.
const anytime = createAnytime({ settings, lookupPlace: (id) => places.lookup(id), openNextTo, navigateTab });
onInstalled(() => {
  languageLoaded.then(() => replaceMenus(anytime.menuItems())).catch(report);
});
// Sync: a change made in the user's other browser arrives here too.
onStorageChange(['local', 'sync'], [SETTINGS_KEY], () => {
  const before = lang();
  applySettings()
    .then(async () => {
      // Menus outlive the worker and keep the titles they were made with: remake them in the new language.
      if (lang() !== before) await Promise.all([replaceMenus(anytime.menuItems()), health.restoreBadge()]);
    })
    .catch(report);
});
onMenuClicked((click) => {
  anytime.onMenuClick(click).catch(report);
});
onCommand((command, tab) => {
  anytime.onCommand(command, tab).catch(report);
});
health.onChange((before, after) => {
  banners.pushChanges(before, after).catch(report);
});

handleMessages(
  {
    'state/get': async () => ({ settings: await settings.get(), lastFailure: await failures.last(), placeCount: await places.count(), settingsHome: await settingsHome.home() }),
    'settings/update': (patch) => settings.update(patch),
    'settings/import': (file) => settings.importFile(file),
    'settings/reset': () => settings.reset(),
    'page/seen': async (facts, sender) => {
      // A page may only speak for itself.
      const url = sender.url ?? '';
      // Only a page from Kakao's own server (https, port 443) says anything (src/core/trust.ts).
      const service = trustedServiceForUrl(url);
      if (!service || typeof facts?.url !== 'string' || documentOf(facts.url) !== documentOf(url)) return null;
      // A 5xx body ("503") is the server's failure, already handled: it is neither a healthy page
      // nor a place's name. Firefox runs content scripts on such bodies too.
      if ((typeof facts.status === 'number' && facts.status >= 500) || serverErrors.has(documentOf(url))) return null;
      // Page text counts only where Kakao writes the page: never a blog, cafe post, mail, chat or channel.
      const page = pageTextCounts(url, service) && classifyErrorPage({ title: String(facts.title ?? ''), heading: String(facts.heading ?? ''), body: String(facts.bodyText ?? '') });
      const title = String(facts.title ?? '');
      if (page) {
        const state = await health.dispatch([{ type: 'error-page', service, url, page, at: Date.now() }]);
        await health.wake();
        // An error page's title names no search: the address alone carries the intent.
        return banners.orderFor(state, { url, errorPage: true });
      }
      const state = await health.dispatch([{ type: 'page-content-ok', service, url, at: Date.now() }]);
      // Only a healthy page may fill the place cache: an error page's title is no place's name.
      if (placeIdOf(url) && (await settings.get()).placeCache) await places.seen(facts);
      return banners.orderFor(state, { url, title });
    },
    'banner/snooze': async (request, sender) => {
      // Only for the service of the page asking.
      const service = serviceForUrl(sender.url ?? '');
      if (service && request?.service === service) await banners.snooze(service);
      return null;
    },
    'place/lookup': (request) => places.lookup(String(request?.id ?? '')),
    'places/clear': async () => ({ cleared: await places.clear() }),
    'tab/alternatives': async (request) => anytime.forTab(await activeTab(typeof request?.windowId === 'number' ? request.windowId : undefined)),
    'health/get': () => health.view(),
    'health/check-now': () => health.check(SERVICE_IDS, 'user'),
    'health/check': (request) => health.check((Array.isArray(request?.services) ? request.services : []).filter(isServiceId), 'fallback-page'),
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
      await passes.grant(tabId, service, request.lasting !== true);
      await navigateTab(tabId, url);
      return { ok: true };
    },
  },
  (reason) => console.warn(`Detour: message rejected: ${reason}`),
);
