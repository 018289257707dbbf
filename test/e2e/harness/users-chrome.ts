/**
 * Playwright launches Chromium with `--disable-features=…,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,…`
 * (microsoft/playwright#43871), so http:// navigations stay on http, unlike a user's Chrome: it tries
 * https first, falls back to http when that fails (after 3 s for a server that never answers) and
 * then stops trying https for that host. Detour must rescue what users meet, so the tests pass
 * Playwright's list again without those two; a later --disable-features replaces the earlier one.
 * The list is Playwright 1.65's (node_modules/playwright-core/lib/coreBundle.js, chromiumSwitches):
 * check it when upgrading Playwright (chromium-flags.test.ts compares them).
 */
export const PLAYWRIGHT_DISABLED_FEATURES: readonly string[] = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/** What a user's Chrome keeps on and Playwright turns off. */
export const USERS_FEATURES: readonly string[] = ['HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable'];

export const USERS_DISABLED_FEATURES = `--disable-features=${PLAYWRIGHT_DISABLED_FEATURES.filter((feature) => !USERS_FEATURES.includes(feature)).join(',')}`;
