import { extractPlace, type PageFacts } from '../core/places/extract.ts';
import { lookupPlace, parsePlaceCache, rememberPlace } from '../core/places/cache.ts';
import type { KeyValueArea } from '../core/ports.ts';
import { createSerialQueue } from '../core/util/serial.ts';
import type { Place } from '../core/translate/intent.ts';
import { PLACE_CACHE_KEY } from '../core/storage-keys.ts';

export interface PlaceStore {
  /** Remembers the place a healthy place page showed; ignores pages that say too little. */
  seen(facts: PageFacts): Promise<void>;
  lookup(id: string): Promise<Place | null>;
  count(): Promise<number>;
  clear(): Promise<number>;
}

export function createPlaceStore(area: KeyValueArea, now: () => number = Date.now): PlaceStore {
  const serialized = createSerialQueue();
  const read = async () => parsePlaceCache(await area.get(PLACE_CACHE_KEY));
  return {
    seen: (facts) =>
      serialized(async () => {
        const place = extractPlace(facts);
        if (!place) return;
        await area.set(PLACE_CACHE_KEY, rememberPlace(await read(), place.id, place, now()));
      }),
    lookup: async (id) => lookupPlace(await read(), id) ?? null,
    count: async () => Object.keys(await read()).length,
    clear: () =>
      serialized(async () => {
        const cleared = Object.keys(await read()).length;
        await area.set(PLACE_CACHE_KEY, {});
        return cleared;
      }),
  };
}
