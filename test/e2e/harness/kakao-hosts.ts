import { ALLOWED_LINK_HOSTS, ALTERNATIVES, CONTROL_PROBES, SERVICES, SERVICE_IDS } from '../../../src/core/catalog/index.ts';
import { OTHER_SITES_HOSTS } from '../../../src/core/catalog/other-sites.ts';

/** Subdomains the tests use under the catalogue's wildcard hosts (*.tistory.com). */
const WILDCARD_EXAMPLES = ['detour-test'];

/**
 * Every Kakao hostname, from the catalogue (services, their API hosts, and what other sites load
 * from Kakao): the browsers route these to the fault server's Kakao front and everything else to the
 * other front.
 */
export const KAKAO_HOSTS: readonly string[] = [
  ...new Set(
    [...SERVICE_IDS.flatMap((id) => [...SERVICES[id].hosts, ...SERVICES[id].apiHosts]), ...OTHER_SITES_HOSTS].flatMap((host) =>
      host.startsWith('*.') ? WILDCARD_EXAMPLES.map((sub) => `${sub}${host.slice(1)}`) : [host],
    ),
  ),
];

/**
 * The other names Detour itself reaches (alternatives, their probes, the control probes): what must
 * still resolve when Kakao's names do not.
 */
export const OTHER_HOSTS: readonly string[] = [
  ...new Set([...ALLOWED_LINK_HOSTS, ...Object.values(ALTERNATIVES).map((alternative) => new URL(alternative.probe).hostname), ...CONTROL_PROBES.map((url) => new URL(url).hostname)]),
];

/**
 * Names no resolver accepts (a 64-character label): Chromium fails them itself on a real network, but
 * its --host-resolver-rules would map them like any other name, so the harness fails them by rule.
 */
export const UNRESOLVABLE_NAMES: readonly string[] = [`${'a'.repeat(64)}.tistory.com`, `${'b'.repeat(64)}.tistory.com`];
