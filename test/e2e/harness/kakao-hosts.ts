import { SERVICES, SERVICE_IDS } from '../../../src/core/catalog/index.ts';

/** Subdomains the tests use under the catalogue's wildcard hosts (*.tistory.com). */
const WILDCARD_EXAMPLES = ['detour-test'];

/**
 * Every Kakao hostname, from the catalogue: the browsers route these to the fault server's Kakao
 * front and everything else to the other front.
 */
export const KAKAO_HOSTS: readonly string[] = [
  ...new Set(
    SERVICE_IDS.flatMap((id) => [...SERVICES[id].hosts, ...SERVICES[id].apiHosts]).flatMap((host) =>
      host.startsWith('*.') ? WILDCARD_EXAMPLES.map((sub) => `${sub}${host.slice(1)}`) : [host],
    ),
  ),
];
