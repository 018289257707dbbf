import { describe, expect, it } from 'vitest';
import { SERVICES, SERVICE_IDS, type ServiceId } from '../catalog/index.ts';
import { initialHealth } from '../health/engine.ts';
import type { HealthState, ServiceStatus } from '../health/types.ts';
import { hostListed, hostsNotUp } from './report.ts';
import { createPageStatusChanges, pageStatus } from './status.ts';

function stateOf(statuses: Partial<Record<ServiceId, ServiceStatus>>, confirmed = true): HealthState {
  const initial = initialHealth(0);
  const services = { ...initial.services };
  for (const [id, status] of Object.entries(statuses) as Array<[ServiceId, ServiceStatus]>) services[id] = { ...services[id], status, confirmed };
  return { ...initial, network: 'online', services };
}

describe('pageStatus', () => {
  it('lists nothing while every service is up or unknown', () => {
    expect(pageStatus(initialHealth(0))).toEqual([]);
    expect(pageStatus(stateOf(Object.fromEntries(SERVICE_IDS.map((id) => [id, 'up']))))).toEqual([]);
  });

  it('lists the hosts of each service degraded or down, a suspicion not yet confirmed included', () => {
    expect(pageStatus(stateOf({ kakaomap: 'degraded' }))).toEqual([...SERVICES.kakaomap.hosts]);
    expect(pageStatus(stateOf({ kakaomap: 'down' }, false))).toEqual([...SERVICES.kakaomap.hosts]);
    expect(pageStatus(stateOf({ kakaomap: 'up', daum: 'down' }))).toEqual([...SERVICES.daum.hosts]);
  });

  it('is read back whole by the page scripts: every host passes their check, and each names its own page', () => {
    const everythingDown = stateOf(Object.fromEntries(SERVICE_IDS.map((id) => [id, 'down'])));
    const written = pageStatus(everythingDown);
    expect(hostsNotUp(written)).toEqual(written);
    for (const id of SERVICE_IDS) {
      for (const host of SERVICES[id].hosts) expect(hostListed(host.replace(/^\*\./, 'www.'), written), host).toBe(true);
    }
  });
});

describe('createPageStatusChanges', () => {
  it('gives the status to write the first time, then only when its hosts change', () => {
    const changes = createPageStatusChanges();
    expect(changes(initialHealth(0))).toEqual([]);
    expect(changes(stateOf({ kakaomap: 'up' }))).toBeUndefined();
    expect(changes(stateOf({ kakaomap: 'degraded' }))).toEqual([...SERVICES.kakaomap.hosts]);
    // Degraded to down: the same hosts, nothing to write.
    expect(changes(stateOf({ kakaomap: 'down' }))).toBeUndefined();
    expect(changes(stateOf({ kakaomap: 'up' }))).toEqual([]);
  });
});
