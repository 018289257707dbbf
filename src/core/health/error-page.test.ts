import { describe, expect, it } from 'vitest';
import { BODY_PREFIX, classifyErrorPage, type PageText } from './error-page.ts';

const page = (title: string, heading: string, body = ''): PageText => ({ title, heading, body });

/** Kakao's own pages, as their text reads (title, main heading, start of the body). */
const POSITIVE: ReadonlyArray<readonly [string, PageText, 'maintenance' | 'error']> = [
  ['KakaoMap maintenance notice', page('카카오맵 | 서비스 점검 안내', '서비스 점검 안내', '보다 안정적인 서비스 제공을 위해 시스템 점검을 진행합니다. 점검 시간: 02:00 ~ 06:00'), 'maintenance'],
  ['heading only: 서비스 점검 중입니다', page('카카오맵', '서비스 점검 중입니다', '이용에 불편을 드려 죄송합니다.'), 'maintenance'],
  ['Daum system maintenance', page('Daum', '시스템 점검 중입니다', '더 나은 서비스를 위하여 시스템 점검 중입니다.'), 'maintenance'],
  ['no space: 점검중입니다', page('멜론', '현재 점검중입니다', ''), 'maintenance'],
  ['regular maintenance heading', page('다음 카페', '정기 점검 안내', '매주 목요일 새벽 정기 점검이 진행됩니다.'), 'maintenance'],
  ['title only: 서비스 점검', page('카카오페이지 - 서비스 점검', '', ''), 'maintenance'],
  ['heading 점검 중 alone', page('티스토리', '점검 중', '잠시만 기다려 주세요.'), 'maintenance'],
  ['English: under maintenance', page('Kakao', 'Service under maintenance', 'We are performing scheduled maintenance.'), 'maintenance'],
  ['English: scheduled maintenance in title', page('Scheduled Maintenance - Kakao', '', ''), 'maintenance'],
  ['English: just "Maintenance"', page('Maintenance', '', 'Back soon.'), 'maintenance'],
  ['English: Kakao | Maintenance', page('Kakao | Maintenance', '', ''), 'maintenance'],
  ['English: down for maintenance', page('melon.com', 'Down for maintenance', ''), 'maintenance'],
  ['body only, two phrases apart', page('카카오T', '', '현재 서비스 점검 중입니다. 서비스 이용에 불편을 드려 죄송합니다. 점검 시간 동안 이용이 제한됩니다.'), 'maintenance'],
  ['maintenance wins over error wording', page('카카오톡 선물하기', '서비스 점검 안내', '일시적으로 서비스를 이용할 수 없습니다. 서비스 점검이 끝나면 다시 이용할 수 있습니다.'), 'maintenance'],
  ['inconvenience alone: maintenance', page('다음 메일', '서비스 이용에 불편을 드려 죄송합니다', ''), 'maintenance'],
  ['temporary error heading', page('카카오맵', '일시적인 오류가 발생했습니다', '잠시 후 다시 시도해 주세요.'), 'error'],
  ['temporarily unavailable (Korean)', page('Daum', '일시적으로 서비스를 이용할 수 없습니다', ''), 'error'],
  ['retry later heading', page('카카오', '잠시 후 다시 시도해 주세요', ''), 'error'],
  ['cannot connect heading', page('멜론', '서비스에 접속할 수 없습니다', '네트워크 상태를 확인하신 후 잠시 후 다시 시도해 주세요.'), 'error'],
  ['English: temporarily unavailable', page('503 Service Temporarily Unavailable', '', ''), 'error'],
  ['English: an error occurred', page('Kakao', 'An error occurred', 'Please try again later.'), 'error'],
  ['English: an error has occurred', page('An error has occurred', '', ''), 'error'],
  ['error wording plus inconvenience: error', page('카카오페이', '서비스 이용에 불편을 드려 죄송합니다', '일시적인 오류로 서비스를 이용할 수 없습니다. 잠시 후 다시 시도해 주세요.'), 'error'],
  ['body only, two error phrases', page('카카오웹툰', '', '요청을 처리하는 중 일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.'), 'error'],
  ['odd spacing and a no-break space', page('다음', '일시적인\u00a0  오류가\n발생했습니다', ''), 'error'],
  ['zero-width space inside the phrase', page('카카오맵', '서비스\u200b 점검 중입니다', ''), 'maintenance'],
  ['full-width Latin letters', page('ＭＡＩＮＴＥＮＡＮＣＥ', '', ''), 'maintenance'],
  ['English body, two phrases', page('Kakao', '', 'Service temporarily unavailable. An error occurred while processing your request.'), 'error'],
];

/** Ordinary pages on Kakao's hosts that merely mention the words. */
const NEGATIVE: ReadonlyArray<readonly [string, PageText]> = [
  ['empty page', page('', '', '')],
  ['KakaoMap home', page('카카오맵', '', '길찾기 버스 지하철 로드뷰 내 장소')],
  [
    'news: car inspection',
    page('겨울철 자동차 점검 요령 5가지 | 다음 뉴스', '겨울철 자동차 점검 요령 5가지', '본격적인 추위가 시작되면서 자동차 점검이 필요하다. 타이어 공기압과 배터리를 확인해야 한다.'),
  ],
  ['news: safety inspection during', page('항공기 안전 점검 중 결함 발견', '항공기 안전 점검 중 결함 발견', '국토교통부는 정기 점검 중 엔진 결함을 발견했다고 밝혔다. 홍길동 기자')],
  ['news: elevator regular inspection', page('엘리베이터 정기 점검 의무화', '엘리베이터 정기 점검 의무화', '정부는 노후 엘리베이터의 정기 점검을 의무화하기로 했다.')],
  [
    'news about a Kakao outage quoting the page',
    page(
      '카카오톡 일시적인 오류…3시간 만에 복구 | 다음 뉴스',
      '카카오톡 일시적인 오류…3시간 만에 복구',
      '카카오톡에서 일시적인 오류가 발생해 이용자들이 불편을 겪었다. 화면에는 "잠시 후 다시 시도해 주세요"라는 문구가 떴다. 김철수 기자',
    ),
  ],
  [
    'news: planned maintenance announcement',
    page('카카오, 내일 새벽 서비스 점검 예정', '카카오, 내일 새벽 서비스 점검 예정', '카카오는 안정적인 서비스를 위해 서비스 점검을 진행한다고 밝혔다. 이영희 기자'),
  ],
  ['notice board: maintenance completed', page('[공지] 시스템 점검 완료 안내', '[공지] 시스템 점검 완료 안내', '시스템 점검이 완료되었습니다. 이용해 주셔서 감사합니다.')],
  ['notice board: upcoming maintenance', page('카카오페이지', '서비스 점검 예정 안내', '아래 일정으로 서비스 점검이 예정되어 있습니다.')],
  ['blog: car maintenance tips', page('Car maintenance tips for winter', 'Car maintenance tips for winter', 'Check your tyres and battery before the cold arrives.')],
  ['blog: maintenance in prose', page('우리집 보일러 관리', '보일러 관리', 'Regular maintenance keeps the boiler running. 보일러 점검은 매년 하는 것이 좋다.')],
  ['blog: importance of inspection', page('안전 점검 중요성', '안전 점검 중요성', '안전 점검 중요성에 대해 알아보자.')],
  ['blog: a long post title with the phrase', page('서비스 점검 체크리스트: 스타트업이 출시 전에 반드시 확인해야 할 서른 가지 항목 정리 (2025년판)', '', '')],
  ['webtoon episode title', page('점검중인 로봇 47화 | 카카오웹툰', '점검중인 로봇 47화', '다음 화 보기')],
  ['cafe post about a game', page('게임 서버 점검 언제 끝나요? : 네이버 아닌 다음 카페', '', '게임 서버 점검 언제 끝나요? 오늘 정기 점검이라던데 아직도...')],
  ['search results page', page('서비스 점검 - 다음 검색', '', '관련 검색어 서비스 점검 시간 서비스 점검 안내문 양식')],
  ['mail inbox listing a notice', page('Daum 메일', '받은메일함', '[카카오] 개인정보 처리방침 변경 안내 · [멜론] 이용권 결제 안내 · 정기 점검 관련 문의')],
  ['one phrase deep in a long body', page('멜론 차트', 'TOP 100', `${'노래 제목 가수 앨범 '.repeat(60)} 잠시 후 다시 시도 일시적인 오류`)],
  ['a login form hint', page('카카오계정', '로그인', '카카오계정으로 로그인하세요. 비밀번호를 5회 이상 틀리면 잠시 후 다시 시도해야 합니다.')],
  ['an English error blog post', page('How to fix "An error occurred" in npm install on Windows and macOS', '', '')],
  ['the word error alone', page('Error handling in TypeScript', 'Error handling in TypeScript', 'An error is thrown when...')],
  ['a 404 page', page('페이지를 찾을 수 없습니다', '요청하신 페이지를 찾을 수 없습니다', '주소를 다시 확인해 주세요.')],
  ['a temporary event page', page('일시적인 할인 이벤트', '일시적인 할인', '오늘만 50% 할인')],
  ['a place page', page('정비소 | 카카오맵', '스피드메이트 자동차 점검 센터', '엔진오일 교환 타이어 점검 영업 중')],
  ['payments history', page('카카오페이', '결제 내역', '서비스 이용료 정기 결제 2025.01.15')],
  ['a gift shop page', page('카카오톡 선물하기', '생일 선물 추천', '점검 받은 중고 카메라 기획전')],
  ['a tistory post: system maintenance tutorial', page('리눅스 시스템 점검 명령어 정리 — 개발 블로그', '', '')],
  ['a short post title: a checklist', page('서비스 점검 체크리스트', '', '')],
  ['a how-to about a temporary error', page('일시적인 오류 해결 방법', '일시적인 오류 해결 방법', '')],
  ['a news body only, two phrases but a byline', page('다음 뉴스', '', '카카오 서비스 점검 중 장애… "일시적인 오류" 박기자 무단 전재 및 재배포 금지')],
  ['non-string fields', { title: 42, heading: null, body: undefined } as unknown as PageText],
];

describe('classifyErrorPage', () => {
  it('has enough real-looking cases on each side', () => {
    expect(POSITIVE.length).toBeGreaterThanOrEqual(25);
    expect(NEGATIVE.length).toBeGreaterThanOrEqual(25);
  });

  it.each(POSITIVE)('recognises %s', (_name, text, kind) => {
    expect(classifyErrorPage(text)).toBe(kind);
  });

  it.each(NEGATIVE)('leaves alone %s', (_name, text) => {
    expect(classifyErrorPage(text)).toBeNull();
  });

  it(`reads only the first ${BODY_PREFIX} characters of the body`, () => {
    const text = '일시적인 오류입니다. 잠시 후 다시 시도';
    const endingAt = (end: number) => page('카카오', '', `${'가'.repeat(end - text.length)}${text}`);
    expect(classifyErrorPage(endingAt(text.length))).toBe('error');
    expect(classifyErrorPage(endingAt(BODY_PREFIX))).toBe('error');
    expect(classifyErrorPage(endingAt(BODY_PREFIX + 1))).toBeNull();
  });

  it('needs two distinct phrases in the body: one, even repeated, is not enough', () => {
    expect(classifyErrorPage(page('', '', '일시적인 오류. 일시적인 오류. 일시적인 오류.'))).toBeNull();
    expect(classifyErrorPage(page('', '', '일시적인 오류. 잠시 후 다시 시도'))).toBe('error');
  });

  it('does not count overlapping phrases as two', () => {
    expect(classifyErrorPage(page('', '', '서비스 점검 중'))).toBeNull();
    expect(classifyErrorPage(page('', '', '서비스 점검 후 재개. 정기 점검 안내'))).toBe('maintenance');
  });

  it('does not read a phrase alone in an overlong heading', () => {
    const long = `서비스 점검 중입니다 ${'가'.repeat(40)}`;
    expect(classifyErrorPage(page('', long.slice(0, 41), ''))).toBeNull();
    expect(classifyErrorPage(page('', long.slice(0, 40), ''))).toBe('maintenance');
  });

  it('never throws on odd input', () => {
    for (const input of [null, undefined, 5, 'text', {}, { title: {}, heading: [], body: 1 }]) {
      expect(() => classifyErrorPage(input as unknown as PageText)).not.toThrow();
    }
  });
});
