import { serviceMatchPatterns } from '../core/catalog/index.ts';
import { localArea } from '../platform/storage.ts';
import { handleMessages } from '../platform/messaging.ts';
import { onMainFrameOutcome } from '../platform/web-request.ts';
import { createSettingsStore } from '../core/settings/store.ts';
import { createRescuer } from './rescuer.ts';
import { createFailureLog } from './failure-log.ts';

// Listeners are registered synchronously at start-up: an MV3 service worker woken by an event only
// receives it if its listener exists by the end of the first turn.
const area = localArea();
const settings = createSettingsStore(area, (message) => console.warn(`Detour: ${message}`));
const failures = createFailureLog(area);
const rescuer = createRescuer({ settings, failures });

onMainFrameOutcome(serviceMatchPatterns(), (outcome) => {
  rescuer.handle(outcome).catch((error: unknown) => console.error('Detour: rescue failed', error));
});

handleMessages(
  {
    'state/get': async () => ({ settings: await settings.get(), lastFailure: await failures.last() }),
    'settings/update': (patch) => settings.update(patch),
  },
  (reason) => console.warn(`Detour: message rejected: ${reason}`),
);
