import { OTHER_SITES_PERMISSIONS } from '../core/catalog/other-sites.ts';
import browser from './browser.ts';

const otherSites = () => ({ origins: [...OTHER_SITES_PERMISSIONS.origins], permissions: [...OTHER_SITES_PERMISSIONS.permissions] });

/** Whether the user has granted the optional "sites that lean on Kakao" permission, all of it. */
export async function hasOtherSitesAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains(otherSites());
  } catch {
    return false;
  }
}

/**
 * Asks the user for it. Must be called in the same turn as the user's click: both browsers refuse a
 * request that does not come from one. Resolves false when the user says no.
 */
export function requestOtherSitesAccess(): Promise<boolean> {
  return browser.permissions.request(otherSites());
}

export function revokeOtherSitesAccess(): Promise<boolean> {
  return browser.permissions.remove(otherSites());
}

/** Calls back whenever the user grants or takes back an optional permission, here or in the browser's own settings. */
export function onPermissionsChange(listener: () => void): () => void {
  const changed = () => listener();
  browser.permissions.onAdded.addListener(changed);
  browser.permissions.onRemoved.addListener(changed);
  return () => {
    browser.permissions.onAdded.removeListener(changed);
    browser.permissions.onRemoved.removeListener(changed);
  };
}
