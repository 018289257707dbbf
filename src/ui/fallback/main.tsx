import { render } from 'preact';
import { parseFallbackQuery } from '../../core/fallback.ts';
import type { HealthView } from '../../core/messages.ts';
import { offeredAlternatives } from '../../core/settings/alternatives.ts';
import type { Place } from '../../core/translate/intent.ts';
import { placeIdIn, translate } from '../../core/translate/index.ts';
import { devicePlatform } from '../../platform/device.ts';
import { send } from '../../platform/messaging.ts';
import { onLocalChange } from '../../platform/storage.ts';
import { onSettingsChange, prepareLanguage, storedSettings } from '../components/page.ts';
import { FallbackPage, type LiveHealth } from './FallbackPage.tsx';
import '../components/base.css';
import './fallback.css';

/** While the page is open, the service is checked this often, so a recovery shows without waiting. */
const RECHECK_MS = 20_000;

const parsed = parseFallbackQuery(location.search);
const request = parsed.ok ? parsed.request : undefined;
const TITLE_KEY = 'extName';
const root = document.getElementById('root')!;
const platform = devicePlatform();

let cached: { readonly id: string; readonly place: Place } | undefined;
/** The user's order of alternatives, from the settings. */
let order: readonly string[] | undefined;
let health: LiveHealth | undefined;
let reachable: Readonly<Record<string, boolean>> | undefined;
let autoReturn = false;

function translation() {
  if (!request) return undefined;
  return translate(request.url, {
    platform,
    ...(request.title ? { title: request.title } : {}),
    ...(order ? { order } : {}),
    lookupPlace: (id) => (cached && cached.id === id ? cached.place : undefined),
  });
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
  health = { network: view.state.network, verdict: view.summary.verdict, status: service.status, confirmed: service.confirmed };
  show();
  // The user asked to be taken back once the service recovers.
  if (autoReturn && service.status === 'up' && view.state.network !== 'offline') location.replace(request.url);
}

// Paint as soon as the user's language is known, from the address alone; everything below refines it.
const settings = await storedSettings();
await prepareLanguage(settings, TITLE_KEY);
// The user's order of alternatives is known now too, so the links never reorder under the pointer.
if (request) order = offeredAlternatives(settings.services[request.service]);
show();
onSettingsChange(TITLE_KEY, (changed) => {
  if (request) order = offeredAlternatives(changed.services[request.service]);
  show();
});
if (request) {
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
  onLocalChange(['health'], refresh);
  setInterval(() => {
    if (document.visibilityState === 'visible') void send('health/check', { services: [request.service] }).then(follow, () => undefined);
  }, RECHECK_MS);
}
