import { describe, expect, it } from 'vitest';
import * as keys from './storage-keys.ts';
import { STORAGE_KEYS } from './storage-keys.ts';

describe('storage keys', () => {
  it('are unique in each area', () => {
    for (const [area, list] of Object.entries(STORAGE_KEYS)) expect(new Set(list).size, area).toBe(list.length);
  });

  it('every key the module defines is in an area', () => {
    const defined = Object.entries(keys)
      .filter(([name]) => name.endsWith('_KEY'))
      .map(([, value]) => value);
    const listed = new Set(Object.values(STORAGE_KEYS).flat());
    expect(defined.filter((key) => !listed.has(key as never))).toEqual([]);
    expect(new Set(defined).size).toBe(defined.length);
  });

  it('keep the strings users already have stored (a new name would need a migration)', () => {
    expect(STORAGE_KEYS).toEqual({
      sync: ['settings'],
      local: ['settings', 'settingsHome', 'settingsBackup', 'settingsLastGood', 'settingsLocalBeforeSync', 'health', 'healthHistory', 'lastFailure', 'placeCache', 'pageStatus'],
      session: ['tabPasses', 'tabRedirects', 'bannerSnoozed'],
    });
  });
});
