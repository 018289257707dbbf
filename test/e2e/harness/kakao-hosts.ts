import { SERVICES, SERVICE_IDS } from '../../../src/core/catalog/index.ts';
import { LEANING_HOSTS } from '../../../src/core/catalog/leaning.ts';

/** Subdomains the tests use under the catalogue's wildcard hosts (*.tistory.com). */
const WILDCARD_EXAMPLES = ['detour-test'];

/**
 * Every Kakao hostname, from the catalogue (services, their API hosts, and what other sites load
 * from Kakao): the browsers route these to the fault server's Kakao front and everything else to the
 * other front.
 */
export const KAKAO_HOSTS: readonly string[] = [
  ...new Set(
    [...SERVICE_IDS.flatMap((id) => [...SERVICES[id].hosts, ...SERVICES[id].apiHosts]), ...LEANING_HOSTS].flatMap((host) =>
      host.startsWith('*.') ? WILDCARD_EXAMPLES.map((sub) => `${sub}${host.slice(1)}`) : [host],
    ),
  ),
];
