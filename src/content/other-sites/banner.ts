// Injected, only with the user's optional permission, into another site's page whose Kakao login,
// SDK, postcode or map requests failed (src/background/other-sites/watch.ts). It installs one function in the
// extension's isolated world, which the background then calls with the prepared notice; the page
// cannot see or call it. Injected again (a later failure), it keeps the first one: the banner's
// state (shown, dismissed) lives in that instance.
import type { BannerView } from '../../core/page-script/banner.ts';
import { OTHER_SITES_BANNER_KEY } from '../../core/other-sites/banner-key.ts';
import { showBanner } from '../banner.ts';

const world = globalThis as { [OTHER_SITES_BANNER_KEY]?: (view: BannerView) => void };
world[OTHER_SITES_BANNER_KEY] ??= (view) => showBanner(view);
