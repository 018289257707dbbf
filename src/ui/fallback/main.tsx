import { render } from 'preact';
import { isSlowAnswer } from '../../core/rescue/cause-code.ts';
import { parseFallbackQuery, type FallbackRequest } from '../../core/rescue/fallback-query.ts';
import type { HealthView } from '../../core/health/view.ts';
import { offeredAlternatives } from '../../core/settings/alternatives.ts';
import type { Place } from '../../core/translate/intent.ts';
import { offer } from '../../core/offer.ts';
import { HEALTH_KEY } from '../../core/storage-keys.ts';
import { placeIdIn } from '../../core/translate/index.ts';
import { devicePlatform } from '../../platform/device.ts';
import { send } from '../../platform/messaging.ts';
import { onLocalChange } from '../../platform/storage.ts';
import { lang, prepareDocument, serviceName, t } from '../components/i18n.ts';
import { onSettingsChange, prepareLanguage, storedSettings } from '../components/page.ts';
import { FallbackPage, isAddressOnly, type LiveHealth } from './FallbackPage.tsx';
import '../components/base.css';
import './fallback.css';

/** While the page is open, the service is checked this often, so a recovery shows without waiting. */
const RECHECK_MS = 20_000;
/** While it keeps waiting for a slow Kakao (a hang), more often: the answer should not wait for us. */
const WAITING_RECHECK_MS = 4000;

const parsed = parseFallbackQuery(location.search);
const request = parsed.ok ? parsed.request : undefined;
const TITLE_KEY = 'extName';
/** The moment the page first rendered its links (a performance mark). */
const LINKS_MARK = 'detour-links';
const root = document.getElementById('root')!;
const platform = devicePlatform();

let cached: { readonly id: string; readonly place: Place } | undefined;
/** The user's order of alternatives, from the settings. */
let order: readonly string[] | undefined;
let health: LiveHealth | undefined;
let reachable: Readonly<Record<string, boolean>> | undefined;
let autoReturn = false;
/**
 * A hang is not a refusal: Kakao may still answer. The page keeps waiting for it and takes the tab
 * back the moment it does, unless the user picked an alternative or said to stop.
 */
let waiting = request ? isSlowAnswer(request.cause) && !isAddressOnly(request) : false;
let chose = false;

/** The tab's title says what failed and who says so: "카카오맵 연결 안 됨 · Detour". */
function setTitle(): void {
  if (request) document.title = t('fallbackTabTitle', serviceName(request.service));
}

/** The same offer the background makes for this address (core/offer.ts), with the order this page knows. */
function translation() {
  if (!request) return undefined;
  return offer(request.url, { services: {}, platform, title: request.title, place: cached ?? null, order });
}

function show(): void {
  render(
    <FallbackPage
      request={request}
      translation={translation()}
      platform={platform}
      health={health}
      reachable={reachable}
      autoReturn={autoReturn}
      waiting={waiting && !chose}
      now={Date.now()}
      onStopWaiting={() => {
        waiting = false;
        show();
      }}
      onChoose={() => {
        chose = true;
      }}
      onAutoReturn={(on) => {
        autoReturn = on;
        show();
      }}
      onGo={(lasting) => {
        if (request) void send('fallback/go', { url: request.url, lasting });
      }}
    />,
    root,
  );
}

function follow(view: HealthView): void {
  if (!request) return;
  const service = view.state.services[request.service];
  health = { network: view.state.network, verdict: view.summary.verdict, status: service.status, confirmed: service.confirmed, since: service.since };
  show();
  // The user asked to be taken back once the service recovers, or the page was still waiting for a slow Kakao.
  if (!isAddressOnly(request) && (autoReturn || (waiting && !chose)) && service.status === 'up' && view.state.network !== 'offline') location.replace(request.url);
}

// First task: the links, painted from the address alone in the order and language the background
// passed, before anything is read or asked (issue 11: a page that waits for its settings paints them
// 40-60 ms later). A page opened without them (an old tab restored) waits for its settings instead.
if (request?.order) order = request.order;
if (request && request.lang === lang()) {
  prepareDocument(TITLE_KEY);
  setTitle();
  show();
  markLinksPainted();
}
void start();

/** For the benchmark and the tests (in both browsers, where no watcher can be put into this page). */
function markLinksPainted(): void {
  if (performance.getEntriesByName(LINKS_MARK).length === 0) performance.mark(LINKS_MARK);
}

/** Everything after the first paint: the settings confirm the language and order, then live checks. */
async function start(): Promise<void> {
  const settings = await storedSettings();
  await prepareLanguage(settings, TITLE_KEY);
  // The links never reorder under the pointer: this is the order the background passed, unless the
  // user changed it in the instant between.
  if (request) order = offeredAlternatives(settings.services[request.service]);
  setTitle();
  show();
  markLinksPainted();
  onSettingsChange(TITLE_KEY, (changed) => {
    if (request) order = offeredAlternatives(changed.services[request.service]);
    setTitle();
    show();
  });
  if (request) watch(request);
  setInterval(show, 30_000);
}

/** Which alternatives answer, the cached place, and the service's health, kept up to date. */
function watch(request: FallbackRequest): void {
  const ids = translation()?.links.map((link) => link.alternative) ?? [];
  send('alternatives/probe', { ids }).then(
    (results) => {
      reachable = results;
      show();
    },
    () => undefined,
  );
  const placeId = placeIdIn(request.url);
  if (placeId) {
    send('place/lookup', { id: placeId }).then(
      (place) => {
        if (!place) return;
        cached = { id: placeId, place };
        show();
      },
      () => undefined,
    );
  }
  const refresh = () => void send('health/get', null).then(follow, () => undefined);
  refresh();
  onLocalChange([HEALTH_KEY], refresh);
  let lastCheck = Date.now();
  setInterval(() => {
    const keepWaiting = waiting && !chose;
    // A page waiting for Kakao checks even when hidden: the user may have gone to another tab meanwhile.
    if (!keepWaiting && document.visibilityState !== 'visible') return;
    if (Date.now() - lastCheck < (keepWaiting ? WAITING_RECHECK_MS : RECHECK_MS)) return;
    lastCheck = Date.now();
    void send('health/check', { services: [request.service] }).then(follow, () => undefined);
  }, 1000);
}
