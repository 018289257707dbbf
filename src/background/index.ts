import { hostPermissions, serviceForUrl, serviceMatchPatterns } from '../core/catalog/index.ts';
import { createBatcher } from '../core/batch.ts';
import { classifyErrorPage } from '../core/health/error-page.ts';
import { mainFrameEvent, subresourceEvent } from '../core/health/signals.ts';
import type { HealthEvent } from '../core/health/types.ts';
import { placeIdOf } from '../core/places/extract.ts';
import type { MainFrameOutcome } from '../core/rescue.ts';
import { createSettingsStore } from '../core/settings/store.ts';
import { SERVICE_IDS } from '../core/catalog/index.ts';
import { onAlarm } from '../platform/alarms.ts';
import { handleMessages } from '../platform/message-router.ts';
import { browserSaysOffline, onBrowserNetworkChange } from '../platform/network.ts';
import { localArea } from '../platform/storage.ts';
import { watchMainFrames, watchSubresources } from '../platform/web-request.ts';
import { createFailureLog } from './failure-log.ts';
import { createHangWatch } from './hang-watch.ts';
import { PROBE_ALARM, createHealth } from './health.ts';
import { createPlaceStore } from './place-store.ts';
import { createRescuer } from './rescuer.ts';
import { createTitleMemory } from './titles.ts';

// Listeners are registered synchronously at start-up: an MV3 service worker woken by an event only
// receives it if its listener exists by the end of the first turn.
const area = localArea();
const settings = createSettingsStore(area, (message) => console.warn(`Detour: ${message}`));
const failures = createFailureLog(area);
const places = createPlaceStore(area);
const titles = createTitleMemory();
const health = createHealth(area, settings);
const rescuer = createRescuer({ settings, failures, titleFor: titles.take });
const hangs = createHangWatch((requestId, tabId, url, waitedMs) => {
  void onOutcome({ type: 'hang', tabId, url, waitedMs }, requestId);
});
const report = (error: unknown) => console.error('Detour:', error);

async function onOutcome(outcome: MainFrameOutcome, requestId: string): Promise<void> {
  hangs.settle(requestId);
  // A load already rescued for hanging may still end later; the user has moved on, and so do we.
  if (outcome.type !== 'hang' && hangs.wasRescued(requestId)) return;
  if (!(await settings.get()).enabled) return;
  await rescuer.handle(outcome);
  const event = mainFrameEvent(outcome, Date.now());
  if (!event) return;
  await health.dispatch([event]);
  await health.wake();
  // Confirm a failure (and learn whether it is the user's own network) without waiting for the alarm.
  if (event.type === 'main-frame-failure' || event.type === 'hang') await health.check([event.service]);
}

watchMainFrames(serviceMatchPatterns(), {
  onStart: ({ requestId, tabId, url }) => {
    titles.noteStart(tabId, url).catch(report);
    settings.get().then((current) => current.enabled && hangs.start(requestId, tabId, url, current.hangLimitMs), report);
  },
  onResponding: (requestId) => hangs.settle(requestId),
  onOutcome: (outcome, requestId) => {
    onOutcome(outcome, requestId).catch(report);
  },
});

const addSubresource = createBatcher<HealthEvent>((events) => {
  health.dispatch(events).catch(report);
}, 1000);
watchSubresources(hostPermissions(), (outcome) => {
  const event = subresourceEvent(outcome, Date.now());
  if (event) addSubresource(event);
});

onAlarm(PROBE_ALARM, () => {
  health.onAlarm().catch(report);
});
onBrowserNetworkChange((online) => {
  health.dispatch([{ type: 'browser-network', online, at: Date.now() }]).catch(report);
});
if (browserSaysOffline()) health.dispatch([{ type: 'browser-network', online: false, at: Date.now() }]).catch(report);
health.restoreBadge().catch(report);

handleMessages(
  {
    'state/get': async () => ({ settings: await settings.get(), lastFailure: await failures.last(), placeCount: await places.count() }),
    'settings/update': (patch) => settings.update(patch),
    'page/seen': async (facts, sender) => {
      // A page may only speak for itself.
      const url = sender.url ?? '';
      const service = serviceForUrl(url);
      if (!service || typeof facts?.url !== 'string' || facts.url.split('#')[0] !== url.split('#')[0]) return null;
      const page = classifyErrorPage({ title: String(facts.title ?? ''), heading: String(facts.heading ?? ''), body: String(facts.bodyText ?? '') });
      if (page) {
        await health.dispatch([{ type: 'error-page', service, url, page, at: Date.now() }]);
        await health.wake();
        return null;
      }
      await health.dispatch([{ type: 'page-content-ok', service, url, at: Date.now() }]);
      // Only a healthy page may fill the place cache: an error page's title is no place's name.
      if (placeIdOf(url) && (await settings.get()).placeCache) await places.seen(facts);
      return null;
    },
    'place/lookup': (request) => places.lookup(String(request?.id ?? '')),
    'places/clear': async () => ({ cleared: await places.clear() }),
    'health/get': () => health.view(),
    'health/check-now': () => health.check(SERVICE_IDS),
  },
  (reason) => console.warn(`Detour: message rejected: ${reason}`),
);
