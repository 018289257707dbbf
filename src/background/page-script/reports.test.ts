import { describe, expect, it } from 'vitest';
import { initialHealth } from '../../core/health/engine.ts';
import type { HealthEvent } from '../../core/health/types.ts';
import { DEFAULTS } from '../../core/settings/index.ts';
import { createPageReports } from './reports.ts';

function rig(options: { placeCache?: boolean; servedError?: boolean } = {}) {
  const events: HealthEvent[] = [];
  const places: string[] = [];
  const pageSeen = createPageReports({
    settings: async () => ({ ...DEFAULTS, placeCache: options.placeCache ?? true }),
    dispatch: async (batch) => {
      events.push(...batch);
      return initialHealth(0);
    },
    wake: async () => undefined,
    bannerFor: async () => null,
    rememberPlace: async (facts) => void places.push(facts.url),
    servedError: () => options.servedError ?? false,
    now: () => 5,
  });
  return { pageSeen, events, places };
}

const MAINTENANCE = { title: '서비스 점검 안내 | 다음뉴스', heading: '서비스 점검 중입니다', bodyText: '보다 나은 서비스를 위해 시스템 점검을 하고 있습니다.', hrefs: [] };

describe('page reports', () => {
  it('lets a page speak only for itself', async () => {
    const r = rig();
    await r.pageSeen({ url: 'https://news.daum.net/', ...MAINTENANCE }, 'https://search.daum.net/');
    await r.pageSeen({ url: 'https://news.daum.net/', ...MAINTENANCE }, 'https://www.naver.com/');
    expect(r.events).toEqual([]);
  });

  it("takes Kakao's maintenance page as evidence, and a healthy page as the opposite", async () => {
    const r = rig();
    await r.pageSeen({ url: 'https://news.daum.net/#top', ...MAINTENANCE }, 'https://news.daum.net/');
    await r.pageSeen({ url: 'https://news.daum.net/', title: '다음뉴스', heading: '오늘의 뉴스', bodyText: '', hrefs: [] }, 'https://news.daum.net/');
    expect(r.events.map((event) => event.type)).toEqual(['error-page', 'page-content-ok']);
  });

  it('says nothing about a 5xx body, whether the page or the load says it was one', async () => {
    await expect(rig().pageSeen({ url: 'https://news.daum.net/', ...MAINTENANCE, status: 503 } as never, 'https://news.daum.net/')).resolves.toBeNull();
    const served = rig({ servedError: true });
    await served.pageSeen({ url: 'https://news.daum.net/', ...MAINTENANCE }, 'https://news.daum.net/');
    expect(served.events).toEqual([]);
  });

  it('fills the place cache from healthy place pages only, and only when the user keeps it', async () => {
    const page = { url: 'https://place.map.kakao.com/18577297', title: '판교역 신분당선', heading: '판교역', bodyText: '', hrefs: [] };
    const on = rig();
    await on.pageSeen(page, page.url);
    expect(on.places).toEqual([page.url]);
    const off = rig({ placeCache: false });
    await off.pageSeen(page, page.url);
    expect(off.places).toEqual([]);
  });
});
