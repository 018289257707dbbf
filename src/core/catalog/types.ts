/** Catalogue types. The catalogue is data: adding a service or an alternative needs no new code path. */

export interface LocalizedName {
  readonly ko: string;
  readonly en: string;
}

export type ServiceCategory = 'map' | 'mobility' | 'messaging' | 'shopping' | 'portal' | 'search' | 'news' | 'community' | 'mail' | 'account' | 'payment' | 'music' | 'content' | 'blog';

export interface Alternative {
  readonly id: string;
  readonly name: LocalizedName;
  /** Hosts this alternative's links may point at: the allow-list every generated link is checked against. */
  readonly hosts: readonly string[];
  /** App URL schemes its links may use ("tmap"), for services that are apps first. */
  readonly appSchemes?: readonly string[];
  /** Where to send the user when the intent cannot be carried over. */
  readonly home: string;
  /** Cheap address that answers when the alternative is reachable. */
  readonly probe: string;
  /**
   * True when Detour can only point the way (another messenger, another login): the UI then shows the
   * alternative's guidance text (locale key guide_<id>) instead of promising to carry anything.
   */
  readonly guidance?: boolean;
}

export interface Service {
  readonly id: string;
  readonly name: LocalizedName;
  readonly category: ServiceCategory;
  /** Hosts whose main-frame loads belong to this service; "*.example.com" means any subdomain. */
  readonly hosts: readonly string[];
  /** API, tile and CDN hosts whose failures degrade the service without failing the page. */
  readonly apiHosts: readonly string[];
  /**
   * The hosts among `hosts` whose pages Kakao itself writes: only their text (a maintenance or error
   * page) and their scripts' requests are evidence about the service. Hosts full of other people's
   * words or code (blogs, cafe posts, mail, open chat, channels, press articles, place reviews, search
   * pages that echo the query) are left out. Exact names only, never a wildcard.
   */
  readonly authoredHosts: readonly string[];
  readonly probe: string;
  /** Alternative ids in default order. */
  readonly alternatives: readonly string[];
}
