import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import type { Intent, Place, TravelMode } from '../intent.ts';
import { parseKakaoMapUrl } from './kakaomap.ts';

const NONE: Intent = { kind: 'none' };
const enc = encodeURIComponent;
const search = (query: string): Intent => ({ kind: 'search', query });
const placeId = (id: string): Intent => ({ kind: 'placeId', id });
const at = (lat: number, lng: number, name?: string): Place => (name === undefined ? { coords: { lat, lng } } : { name, coords: { lat, lng } });
const named = (name: string): Place => ({ name });
const place = (p: Place): Intent => ({ kind: 'place', place: p });
const route = (from: Place | undefined, to: Place, mode?: TravelMode): Intent => ({ kind: 'route', ...(from ? { from } : {}), to, ...(mode ? { mode } : {}) });

/**
 * WCONGNAMUL -> WGS84 by the proj4 oracle (EPSG:5181, both axes x 2.5), as a tolerant matcher: the
 * parser rounds to 7 decimals, so agreement to 6 decimals (about 10 cm) is asked for.
 */
const EPSG5181 = '+proj=tmerc +lat_0=38 +lon_0=127 +k=1 +x_0=200000 +y_0=500000 +ellps=GRS80 +units=m +no_defs';
const fromWcong = proj4(EPSG5181, 'EPSG:4326');
function wc(x: number, y: number, name?: string): Place {
  const [lng, lat] = fromWcong.forward([x / 2.5, y / 2.5]) as [number, number];
  const coords = { lat: expect.closeTo(lat, 6), lng: expect.closeTo(lng, 6) } as unknown as { lat: number; lng: number };
  return name === undefined ? { coords } : { name, coords };
}

const PANGYO = '카카오판교오피스';

describe('parseKakaoMapUrl', () => {
  it.each<[string, Intent]>([
    // --- /link/search/ (Kakao's URL guide), raw, encoded and double-encoded.
    ['https://map.kakao.com/link/search/카카오판교', search('카카오판교')],
    [`https://map.kakao.com/link/search/${enc('카카오판교')}`, search('카카오판교')],
    [`https://map.kakao.com/link/search/${enc(enc('카카오판교'))}`, search('카카오판교')],
    ['https://map.kakao.com/link/search/판교역 1번 출구', search('판교역 1번 출구')],
    ['https://map.kakao.com/link/search/판교역%20%201번', search('판교역 1번')],
    ['https://map.kakao.com/link/search/스타벅스,강남', search('스타벅스,강남')],
    [`https://map.kakao.com/link/search/${enc('스타벅스,강남')}`, search('스타벅스,강남')],
    [`https://map.kakao.com/link/search/${enc('A&B 카페 #2')}`, search('A&B 카페 #2')],
    ['https://map.kakao.com/link/search/a+b', search('a+b')],
    ['https://map.kakao.com/link/search/서울/강남구', search('서울/강남구')],
    ['https://map.kakao.com/link/search/판교?q=ignored', search('판교')],
    ['https://map.kakao.com/link/search/판교#frag', search('판교')],
    ['https://map.kakao.com/link/search/%20%20', NONE],
    ['https://map.kakao.com/link/search/', NONE],
    ['https://map.kakao.com/link/search', NONE],
    ['https://map.daum.net/link/search/서울역', search('서울역')],
    ['https://map.kakao.com/link/search/%00%1B판교%0A역', search('판교 역')],

    // --- /link/map/ (guide): place by coordinates, by name and coordinates, by id.
    ['https://map.kakao.com/link/map/37.402056,127.108212', place(at(37.402056, 127.108212))],
    ['https://map.kakao.com/link/map/우리회사,37.402056,127.108212', place(at(37.402056, 127.108212, '우리회사'))],
    [`https://map.kakao.com/link/map/${enc(PANGYO)},37.402056,127.108212`, place(at(37.402056, 127.108212, PANGYO))],
    [`https://map.kakao.com/link/map/${enc(enc(PANGYO))},37.402056,127.108212`, place(at(37.402056, 127.108212, PANGYO))],
    [`https://map.kakao.com/link/map/${enc(`${PANGYO},37.402056,127.108212`)}`, place(at(37.402056, 127.108212, PANGYO))],
    ['https://map.kakao.com/link/map/18577297', placeId('18577297')],
    ['https://map.kakao.com/link/map/18577297/', placeId('18577297')],
    // A name with commas: the last two comma fields are the coordinates.
    ['https://map.kakao.com/link/map/서울 중구 세종대로 110, 서울특별시청,37.5663,126.9779', place(at(37.5663, 126.9779, '서울 중구 세종대로 110, 서울특별시청'))],
    [`https://map.kakao.com/link/map/${enc('A,B,C')},37.5,127`, place(at(37.5, 127, 'A,B,C'))],
    [`https://map.kakao.com/link/map/${enc('A/B 빌딩')},37.5,127`, place(at(37.5, 127, 'A/B 빌딩'))],
    // Spaces around numbers (as some sites write them), signs, and integers.
    ['https://map.kakao.com/link/map/서울 송파구 올림픽대로35다길 42, 37.5,127.1', place(at(37.5, 127.1, '서울 송파구 올림픽대로35다길 42'))],
    ['https://map.kakao.com/link/map/Test,+37.5,+127', place(at(37.5, 127, 'Test'))],
    // Missing, garbled or out-of-range coordinates: keep the name, drop the numbers.
    ['https://map.kakao.com/link/map/우리회사', place(named('우리회사'))],
    ['https://map.kakao.com/link/map/우리회사,', place(named('우리회사'))],
    ['https://map.kakao.com/link/map/우리회사,37.402056,', place(named('우리회사'))],
    ['https://map.kakao.com/link/map/우리회사,undefined,undefined', place(named('우리회사,undefined,undefined'))],
    ['https://map.kakao.com/link/map/우리회사,NaN,NaN', place(named('우리회사,NaN,NaN'))],
    ['https://map.kakao.com/link/map/Test,95,190', place(named('Test'))],
    ['https://map.kakao.com/link/map/Test,0,0', place(named('Test'))],
    ['https://map.kakao.com/link/map/Test,127.108212,37.402056', place(named('Test'))],
    ['https://map.kakao.com/link/map/Test,1e1,2e1', place(named('Test,1e1,2e1'))],
    ['https://map.kakao.com/link/map/37.5,abc', place(named('37.5,abc'))],
    ['https://map.kakao.com/link/map/95,190', NONE],
    ['https://map.kakao.com/link/map/,,', NONE],
    ['https://map.kakao.com/link/map/', NONE],
    ['https://map.kakao.com/link/map', NONE],

    // --- /link/to/ (guide): a destination.
    [`https://map.kakao.com/link/to/${PANGYO},37.402056,127.108212`, route(undefined, at(37.402056, 127.108212, PANGYO))],
    [`https://map.kakao.com/link/to/${enc(PANGYO)},37.402056,127.108212`, route(undefined, at(37.402056, 127.108212, PANGYO))],
    ['https://map.kakao.com/link/to/18577297', placeId('18577297')],
    ['https://map.kakao.com/link/to/서울역', route(undefined, named('서울역'))],
    ['https://map.kakao.com/link/to/37.5547,126.9707', route(undefined, at(37.5547, 126.9707))],
    ['http://map.daum.net/link/to/카카오판교오피스,37.402056,127.108212', route(undefined, at(37.402056, 127.108212, PANGYO))],
    ['https://map.kakao.com/link/to/', NONE],

    // --- /link/from/.../to/... (guide) and /link/by/{mode}/... (KakaoMap's own route links).
    [`https://map.kakao.com/link/from/${enc('내 위치')},37.5,127.0/to/${enc(PANGYO)},37.402056,127.108212`, route(at(37.5, 127, '내 위치'), at(37.402056, 127.108212, PANGYO))],
    ['https://map.kakao.com/link/from/남춘천역,37.8662,127.7217/to/비에이텍,37.8489,127.7290', route(at(37.8662, 127.7217, '남춘천역'), at(37.8489, 127.729, '비에이텍'))],
    ['https://map.kakao.com/link/from/출발,,/to/도착,37.5,127', route(named('출발'), at(37.5, 127, '도착'))],
    ['https://map.kakao.com/link/from/출발,37.5,127', NONE],
    ['https://map.kakao.com/link/from/출발,37.5,127/to/', NONE],
    [`https://map.kakao.com/link/by/car/${enc('화개장터')},35.0673,127.7514/${enc('최참판댁')},35.0741,127.7605`, route(at(35.0673, 127.7514, '화개장터'), at(35.0741, 127.7605, '최참판댁'), 'car')],
    ['https://map.kakao.com/link/by/CAR/화개장터,35.0673,127.7514/최참판댁,35.0741,127.7605', route(at(35.0673, 127.7514, '화개장터'), at(35.0741, 127.7605, '최참판댁'), 'car')],
    ['https://map.kakao.com/link/by/traffic/서울역,37.5547,126.9706/강남역,37.4979,127.0276', route(at(37.5547, 126.9706, '서울역'), at(37.4979, 127.0276, '강남역'), 'transit')],
    ['https://map.kakao.com/link/by/walk/A,37.5,127/B,37.51,127.01/C,37.52,127.02/', route(at(37.5, 127, 'A'), at(37.52, 127.02, 'C'), 'walk')],
    ['https://map.kakao.com/link/by/bicycle/A,37.5,127/B,37.51,127.01', route(at(37.5, 127, 'A'), at(37.51, 127.01, 'B'), 'bike')],
    ['https://map.kakao.com/link/by/hovercraft/A,37.5,127/B,37.51,127.01', route(at(37.5, 127, 'A'), at(37.51, 127.01, 'B'))],
    ['https://map.kakao.com/link/by/walk/B,37.51,127.01', route(undefined, at(37.51, 127.01, 'B'), 'walk')],
    ['https://map.kakao.com/link/by/walk', NONE],

    // --- /link/roadview/ (guide): a place.
    ['https://map.kakao.com/link/roadview/37.402056,127.108212', place(at(37.402056, 127.108212))],
    ['https://map.kakao.com/link/roadview/18577297', placeId('18577297')],

    // --- place pages and ?itemId=.
    ['https://place.map.kakao.com/18577297', placeId('18577297')],
    ['https://place.map.kakao.com/18577297#review', placeId('18577297')],
    ['https://place.map.kakao.com/m/18577297', placeId('18577297')],
    ['https://place.map.kakao.com/', NONE],
    ['https://map.kakao.com/?itemId=18577297', placeId('18577297')],
    ['https://map.kakao.com/?itemId=abc', NONE],

    // --- ?urlX=&urlY= (WCONGNAMUL) share links, with or without a name.
    [
      `https://map.kakao.com/?urlX=497356.9999999977&urlY=1129837.9999999993&itemId=26784273&q=${enc('롯데시티호텔 명동')}&srcid=26784273&map_type=TYPE_MAP&from=roughmap`,
      place(wc(497356.9999999977, 1129837.9999999993, '롯데시티호텔 명동')),
    ],
    ['https://map.kakao.com/?urlX=524450&urlY=1082263&urlLevel=3&map_type=TYPE_MAP&map_hybrid=false', place(wc(524450, 1082263))],
    [
      'https://map.kakao.com/?urlX=864171.0&urlY=655073.0&itemId=12296217&q=%EC%88%98%EC%84%B1%EA%B5%AC%EB%A6%BD%20%EC%B1%85%EC%88%B2%EA%B8%B8%EB%8F%84%EC%84%9C%EA%B4%80',
      place(wc(864171, 655073, '수성구립 책숲길도서관')),
    ],
    [`https://map.kakao.com/?urlX=864171&urlY=655073&q=${enc(enc('책숲길도서관'))}`, place(wc(864171, 655073, '책숲길도서관'))],
    // WGS84 degrees where WCONGNAMUL belongs: the coordinates are refused, the name kept.
    ['https://map.kakao.com/?urlX=127.0333&urlY=37.4869&name=브라이드밸리', place(named('브라이드밸리'))],
    ['https://map.kakao.com/?urlX=abc&urlY=1084098&q=판교', search('판교')],
    ['https://map.kakao.com/?urlX=523953&q=판교', search('판교')],
    ['https://map.kakao.com/?urlX=9e99&urlY=1084098&itemId=18577297', placeId('18577297')],

    // --- ?rt= routes (WCONGNAMUL) with rt1..rtN names and ?target= modes.
    [`https://map.kakao.com/?map_type=TYPE_MAP&target=car&rt=%2C%2C523953%2C1084098&rt1=&rt2=${enc(PANGYO)}&rtIds=%2C&rtTypes=%2C`, route(undefined, wc(523953, 1084098, PANGYO), 'car')],
    [
      `https://map.kakao.com/?map_type=TYPE_MAP&target=car&rt=431446%2C1173982%2C447499%2C1212529&rt1=${enc('문발IC')}&rt2=${enc('당동IC')}&rtIds=10417432%2C10265299&rtTypes=PLACE%2CPLACE`,
      route(wc(431446, 1173982, '문발IC'), wc(447499, 1212529, '당동IC'), 'car'),
    ],
    ['https://map.kakao.com/?map_type=TYPE_MAP&target=walk&rt=495123,1129600,494122,1129875,493636,1130124&rt1=A&rt2=B&rt3=C', route(wc(495123, 1129600, 'A'), wc(493636, 1130124, 'C'), 'walk')],
    ['https://map.kakao.com/?target=traffic&rt=431446,1173982,447499,1212529', route(wc(431446, 1173982), wc(447499, 1212529), 'transit')],
    ['https://map.kakao.com/?target=bike&rt=431446,1173982,447499,1212529', route(wc(431446, 1173982), wc(447499, 1212529), 'bike')],
    [`https://map.kakao.com/?target=car&rt=,,482938,1119063&rt1=&rt2=${enc('더파티움 여의도')}&rtIds=,1485166493`, route(undefined, wc(482938, 1119063, '더파티움 여의도'), 'car')],
    ['https://map.kakao.com/?rt=431446,1173982,,&rt1=문발IC&rt2=도착', route(wc(431446, 1173982, '문발IC'), named('도착'))],
    ['https://map.kakao.com/?rt=431446,1173982,0,0&rt1=문발IC', NONE],
    ['https://map.kakao.com/?rt=garbage&q=판교', search('판교')],

    // --- Daum map's older route form: ?sX=&sY=&sName=&eX=&eY=&eName= (WCONGNAMUL).
    ['http://map.daum.net/?sX=506357&sY=1111303&sName=test출발지&eX=506319&eY=1111390&eName=Baekeok+HANU', route(wc(506357, 1111303, 'test출발지'), wc(506319, 1111390, 'Baekeok HANU'))],
    ['http://map.daum.net/?eX=506319&eY=1111390&eName=%EB%B9%84%EC%83%81%EB%8C%80%ED%94%BC%EC%86%8C', route(undefined, wc(506319, 1111390, '비상대피소'))],
    ['http://map.daum.net/?sX=37.52&sY=127.02&sName=현재위치&eX=37.5&eY=127.1&eName=목적지', route(named('현재위치'), named('목적지'))],

    // --- the site's own ?q= search, where + is a space.
    ['https://map.kakao.com/?q=판교역', search('판교역')],
    [`https://map.kakao.com/?q=${enc('판교역')}`, search('판교역')],
    [`https://map.kakao.com/?q=${enc(enc('판교역'))}`, search('판교역')],
    ['https://map.kakao.com/?q=판교+맛집', search('판교 맛집')],
    ['https://map.kakao.com/?q=a%2Bb', search('a+b')],
    [`https://map.kakao.com/?q=${enc('A&B #2')}&other=1`, search('A&B #2')],
    ['https://map.kakao.com/?q=스타벅스,강남', search('스타벅스,강남')],
    ['https://map.kakao.com/?q=first&q=second', search('first')],
    ['https://map.kakao.com/?q=', NONE],
    ['https://map.kakao.com/?q=+++', NONE],
    ['https://map.kakao.com/?Q=판교', NONE],
    ['https://map.kakao.com/', NONE],
    [`https://m.map.kakao.com/actions/searchView?q=${enc('판교역')}`, search('판교역')],
    ['https://m.map.kakao.com/actions/searchView?q=판교+역', search('판교 역')],
    ['https://m.map.kakao.com/actions/searchView', NONE],
    [`https://map.daum.net/?q=${enc('서울역')}`, search('서울역')],
    ['https://map.daum.net/', NONE],

    // --- mobile web twins of the kakaomap:// scheme (Kakao's "카카오맵 URL Scheme" page).
    ['https://m.map.kakao.com/scheme/route?sp=37.537229,127.005515&ep=37.4979502,127.0276368&by=CAR', route(at(37.537229, 127.005515), at(37.4979502, 127.0276368), 'car')],
    ['http://m.map.kakao.com/scheme/route?sp=37.537229,127.005515&ep=37.4979502,127.0276368&by=PUBLICTRANSIT', route(at(37.537229, 127.005515), at(37.4979502, 127.0276368), 'transit')],
    ['https://m.map.kakao.com/scheme/route?ep=37.4979502,127.0276368&by=FOOT', route(undefined, at(37.4979502, 127.0276368), 'walk')],
    ['https://m.map.kakao.com/scheme/route?sp=37.5,127&ep=37.4979502,127.0276368&by=bicycle', route(at(37.5, 127), at(37.4979502, 127.0276368), 'bike')],
    ['https://m.map.kakao.com/scheme/route?ep=37.4979502,127.0276368', route(undefined, at(37.4979502, 127.0276368))],
    ['https://m.map.kakao.com/scheme/route?sp=37.5,127&ep=garbage&by=CAR', NONE],
    ['https://m.map.kakao.com/scheme/route?ep=37.4979502%2C127.0276368&by=car', route(undefined, at(37.4979502, 127.0276368), 'car')],
    ['https://m.map.kakao.com/scheme/look?p=37.3952969470752,127.110449292622', place(at(37.3952969470752, 127.110449292622))],
    ['https://m.map.kakao.com/scheme/look?p=37.39,', NONE],
    ['https://m.map.kakao.com/scheme/place?id=18577297', placeId('18577297')],
    ['https://m.map.kakao.com/scheme/place?id=abc', NONE],
    [`https://m.map.kakao.com/scheme/search?q=${enc('맛집')}&p=37.3952,127.11044`, search('맛집')],
    ['https://m.map.kakao.com/scheme/roadView?p=37.5,127.1', place(at(37.5, 127.1))],
    ['https://m.map.kakao.com/scheme/roadView?id=18577297', placeId('18577297')],
    ['https://m.map.kakao.com/scheme/open?page=placeSearch', NONE],
    ['https://m.map.kakao.com/scheme/unknown?q=판교', search('판교')],
  ])('%s', (address, expected) => {
    expect(parseKakaoMapUrl(new URL(address))).toEqual(expected);
  });

  it('reads Kakao Pangyo office from a route link where Kakao guide places it (37.402056,127.108212)', () => {
    const intent = parseKakaoMapUrl(new URL(`https://map.kakao.com/?target=car&rt=,,523953,1084098&rt2=${enc(PANGYO)}`));
    // Agreement to 5 decimals: about a metre.
    expect(intent).toEqual(route(undefined, { name: PANGYO, coords: { lat: expect.closeTo(37.402056, 5), lng: expect.closeTo(127.108212, 5) } }, 'car'));
  });

  it('caps very long queries and names at 200 code points', () => {
    expect(parseKakaoMapUrl(new URL(`https://map.kakao.com/link/search/${enc('가'.repeat(1000))}`))).toEqual(search('가'.repeat(200)));
    expect(parseKakaoMapUrl(new URL(`https://map.kakao.com/link/map/${enc('나'.repeat(300))},37.5,127`))).toEqual(place(at(37.5, 127, '나'.repeat(200))));
  });

  it('prefers the /link/ path over query parameters', () => {
    expect(parseKakaoMapUrl(new URL('https://map.kakao.com/link/search/path?q=param'))).toEqual(search('path'));
    expect(parseKakaoMapUrl(new URL('https://map.kakao.com/link/map/A,37.5,127?q=param'))).toEqual(place(at(37.5, 127, 'A')));
    // An unreadable /link/ address still has its query read.
    expect(parseKakaoMapUrl(new URL('https://map.kakao.com/link/nothing/x?q=param'))).toEqual(search('param'));
  });

  it('never throws, and always returns a known kind with a usable place', () => {
    const odd = [
      'https://map.kakao.com/link/map/%E0%A4%A',
      'https://map.kakao.com/link/by/car/%/%%',
      'https://map.kakao.com/?rt=,,,,,,,,,,&rt1=%',
      'https://map.kakao.com/?urlX=-0&urlY=-0',
      'https://map.kakao.com/?rt=1e308,1e308,1e308,1e308',
      'https://map.kakao.com/?sX=Infinity&sY=-Infinity&eX=NaN&eY=NaN',
      'https://m.map.kakao.com/scheme/route?sp=&ep=&by=',
      `https://map.kakao.com/link/map/${'1,'.repeat(5000)}`,
    ];
    for (const address of odd) {
      const intent = parseKakaoMapUrl(new URL(address));
      expect(['none', 'search', 'place', 'placeId', 'route']).toContain(intent.kind);
      const places = intent.kind === 'place' ? [intent.place] : intent.kind === 'route' ? [intent.to, ...(intent.from ? [intent.from] : [])] : [];
      for (const p of places) expect(p.name !== undefined || p.coords !== undefined).toBe(true);
    }
  });
});

describe('parseKakaoMapUrl: the shapes people share (test/fixtures/real-addresses.tsv)', () => {
  it.each<[string, Intent]>([
    // kko.to: only Kakao's server knows where a short link goes.
    ['https://kko.to/E47ZooGW3i', NONE],
    ['https://kko.to/-6KddnhXWj?q=ignored', NONE],
    // m.map.kakao.com's place page: a place id, with the name when the share added one.
    ['https://m.map.kakao.com/actions/detailMapView?id=404070599', placeId('404070599')],
    ['https://m.map.kakao.com/actions/detailMapView?id=20515606&refService=place', placeId('20515606')],
    [`https://m.map.kakao.com/actions/detailMapView?id=1444552042&refService=place&q=${enc('밤부 성수')}`, { kind: 'placeId', id: '1444552042', name: '밤부 성수' }],
    ['https://m.map.kakao.com/actions/detailMapView?id=abc', NONE],
    ['https://m.map.kakao.com/actions/detailMapView', NONE],
    // The mobile route pages name their ends; their *Enc coordinates are an undocumented code, not read.
    [
      `https://m.map.kakao.com/actions/publicRoute?startLoc=${enc('의정부역 1호선')}&sxEnc=MNNLNR&syEnc=QNQRPML&endLoc=${enc('장지역 8호선')}&exEnc=MMQTLL&eyEnc=QNNPOPN`,
      route(named('의정부역 1호선'), named('장지역 8호선'), 'transit'),
    ],
    [
      'https://m.map.kakao.com/actions/routeView?startLoc=&endLoc=%EA%B9%8C%EC%82%AC%EA%B7%B8%EB%9E%91%EB%8D%B0+%EC%84%BC%ED%8A%B8%EB%A1%9C&exEnc=MNSNUM&ids=%2CP67986660',
      route(undefined, named('까사그랑데 센트로')),
    ],
    [`https://m.map.kakao.com/actions/routeView?ex=484093&ey=1107380&endLoc=${enc('판교역')}`, route(undefined, wc(484093, 1107380, '판교역'))],
    ['https://m.map.kakao.com/actions/routeView', NONE],
    // applink.map.kakao.com, where kko.to links land: the app scheme's actions, names as sn/en.
    ['https://applink.map.kakao.com/place?id=1402324982&t_src=share', placeId('1402324982')],
    ['https://applink.map.kakao.com/route?ep=37.30834,126.82810&en=%ED%94%BC%EC%A0%9C%EB%A6%AC%EC%95%84+%EB%9D%BC%EC%AA%BC', route(undefined, at(37.30834, 126.8281, '피제리아 라쪼'))],
    [
      `https://applink.map.kakao.com/route?sp=37.5547,126.9707&sn=${enc('서울역')}&ep=37.402056,127.108212&en=${enc(PANGYO)}&by=PUBLICTRANSIT`,
      route(at(37.5547, 126.9707, '서울역'), at(37.402056, 127.108212, PANGYO), 'transit'),
    ],
    ['https://applink.map.kakao.com/open?page=bookmark&folderid=1', NONE],
    // The scheme's mobile-web twin takes the same names.
    [`https://m.map.kakao.com/scheme/route?ep=37.4,127.1&en=${enc('판교역')}&by=FOOT`, route(undefined, at(37.4, 127.1, '판교역'), 'walk')],
    // A place id as the last point of /link/by/: the place cache's to name.
    ['https://map.kakao.com/link/by/walk/37.55,126.97/18577297', placeId('18577297')],
    [`https://map.kakao.com/link/by/car/${enc('서울역')},37.55,126.97/${enc(PANGYO)},37.402056,127.108212`, route(at(37.55, 126.97, '서울역'), at(37.402056, 127.108212, PANGYO), 'car')],
  ])('%s', (address, expected) => {
    expect(parseKakaoMapUrl(new URL(address))).toEqual(expected);
  });
});
