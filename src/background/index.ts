import { serviceMatchPatterns } from '../core/catalog/index.ts';
import { placeIdOf } from '../core/places/extract.ts';
import { createSettingsStore } from '../core/settings/store.ts';
import { handleMessages } from '../platform/message-router.ts';
import { localArea } from '../platform/storage.ts';
import { watchMainFrames } from '../platform/web-request.ts';
import { createTitleMemory } from './titles.ts';
import { createFailureLog } from './failure-log.ts';
import { createPlaceStore } from './place-store.ts';
import { createRescuer } from './rescuer.ts';

// Listeners are registered synchronously at start-up: an MV3 service worker woken by an event only
// receives it if its listener exists by the end of the first turn.
const area = localArea();
const settings = createSettingsStore(area, (message) => console.warn(`Detour: ${message}`));
const failures = createFailureLog(area);
const places = createPlaceStore(area);
const titles = createTitleMemory();
const rescuer = createRescuer({ settings, failures, titleFor: titles.take });

watchMainFrames(serviceMatchPatterns(), {
  onStart: ({ tabId, url }) => {
    titles.noteStart(tabId, url).catch(() => undefined);
  },
  onOutcome: (outcome) => {
    rescuer.handle(outcome).catch((error: unknown) => console.error('Detour: rescue failed', error));
  },
});

handleMessages(
  {
    'state/get': async () => ({ settings: await settings.get(), lastFailure: await failures.last(), placeCount: await places.count() }),
    'settings/update': (patch) => settings.update(patch),
    'place/seen': async (facts, sender) => {
      // A page may only speak for itself, and only while the user keeps the cache on.
      const id = placeIdOf(facts?.url ?? '');
      if (id && id === placeIdOf(sender.url ?? '') && (await settings.get()).placeCache) await places.seen(facts);
      return null;
    },
    'place/lookup': (request) => places.lookup(String(request?.id ?? '')),
    'places/clear': async () => ({ cleared: await places.clear() }),
  },
  (reason) => console.warn(`Detour: message rejected: ${reason}`),
);
