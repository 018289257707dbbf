import { web, type Builder } from '../links.ts';

const q = encodeURIComponent;
const searchOnly =
  (make: (query: string) => string): Builder =>
  (intent) =>
    intent.kind === 'search' ? web(make(intent.query), 'search') : undefined;

// Search addresses as each service's own search box produces them; the same shapes are used by
// public music-link aggregators (vibe.naver.com/search?query=, genie.co.kr/search/searchMain?query=,
// music-flo.com/search/all?keyword=).
export const vibe = searchOnly((query) => `https://vibe.naver.com/search?query=${q(query)}`);
export const genie = searchOnly((query) => `https://www.genie.co.kr/search/searchMain?query=${q(query)}`);
export const flo = searchOnly((query) => `https://www.music-flo.com/search/all?keyword=${q(query)}`);

/** Naver Webtoon search: comic.naver.com/search?keyword=…. */
export const naverWebtoon = searchOnly((query) => `https://comic.naver.com/search?keyword=${q(query)}`);

/** Naver Series search: series.naver.com/search/search.series?t=all&fs=default&q=…. */
export const naverSeries = searchOnly((query) => `https://series.naver.com/search/search.series?t=all&fs=default&q=${q(query)}`);
