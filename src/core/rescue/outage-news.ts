import { SERVICES, type ServiceId } from '../catalog/index.ts';

/**
 * "Is it down for everyone?": a news search for the outage. Korean news writes Korean names, so the
 * query is "<Korean name> 장애" whatever the UI language. Naver's search host is on the catalogue's
 * allow-list (the Naver alternatives use it).
 */
export function outageNewsUrl(service: ServiceId): string {
  const query = `${SERVICES[service].name.ko} 장애`;
  return `https://search.naver.com/search.naver?where=news&sort=1&query=${encodeURIComponent(query)}`;
}
