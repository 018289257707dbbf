import { render } from 'preact';
import { parseFallbackQuery } from '../../core/fallback.ts';
import type { Place } from '../../core/translate/intent.ts';
import { placeIdIn, translate } from '../../core/translate/index.ts';
import { devicePlatform } from '../../platform/device.ts';
import { send } from '../../platform/messaging.ts';
import { onLocalChange } from '../../platform/storage.ts';
import { prepareDocument } from '../components/i18n.ts';
import { FallbackPage } from './FallbackPage.tsx';
import '../components/base.css';
import './fallback.css';

const parsed = parseFallbackQuery(location.search);
prepareDocument('extName');
const root = document.getElementById('root')!;
const platform = devicePlatform();

let cached: { readonly id: string; readonly place: Place } | undefined;
let networkOffline = false;

function show(): void {
  const request = parsed.ok ? parsed.request : undefined;
  const translation = request
    ? translate(request.url, { platform, title: request.title, lookupPlace: (id) => (cached && cached.id === id ? cached.place : undefined) })
    : undefined;
  render(<FallbackPage request={request} translation={translation} networkOffline={networkOffline} />, root);
}

// Paint at once from the address alone; a place id then gets a second look in the local place cache.
show();
const placeId = parsed.ok ? placeIdIn(parsed.request.url) : undefined;
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

// The probes that follow a failure may find that nothing answers, Naver included: then it is the
// user's own connection, and the page says so instead of offering alternatives that cannot load.
async function followNetwork(): Promise<void> {
  const view = await send('health/get', null);
  const offline = view.state.network === 'offline';
  if (offline !== networkOffline) {
    networkOffline = offline;
    show();
  }
}
void followNetwork().catch(() => undefined);
onLocalChange(['health'], () => void followNetwork().catch(() => undefined));
