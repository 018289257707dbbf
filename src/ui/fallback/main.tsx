import { render } from 'preact';
import { parseFallbackQuery } from '../../core/fallback.ts';
import type { Place } from '../../core/translate/intent.ts';
import { placeIdIn, translate } from '../../core/translate/index.ts';
import { devicePlatform } from '../../platform/device.ts';
import { send } from '../../platform/messaging.ts';
import { prepareDocument } from '../components/i18n.ts';
import { FallbackPage } from './FallbackPage.tsx';
import '../components/base.css';
import './fallback.css';

const parsed = parseFallbackQuery(location.search);
prepareDocument('extName');
const root = document.getElementById('root')!;
const platform = devicePlatform();

function show(cached?: { readonly id: string; readonly place: Place }): void {
  const request = parsed.ok ? parsed.request : undefined;
  const translation = request
    ? translate(request.url, { platform, title: request.title, lookupPlace: (id) => (cached && cached.id === id ? cached.place : undefined) })
    : undefined;
  render(<FallbackPage request={request} translation={translation} />, root);
}

// Paint at once from the address alone; a place id then gets a second look in the local place cache.
show();
const placeId = parsed.ok ? placeIdIn(parsed.request.url) : undefined;
if (placeId) {
  send('place/lookup', { id: placeId }).then(
    (place) => place && show({ id: placeId, place }),
    () => undefined,
  );
}
