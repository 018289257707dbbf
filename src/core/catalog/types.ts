/** Catalogue types. The catalogue is data: adding a service must not need new code paths. */

export interface LocalizedName {
  readonly ko: string;
  readonly en: string;
}

export type ServiceCategory = 'map' | 'mobility' | 'messaging' | 'portal' | 'search' | 'account' | 'payment' | 'music' | 'content';

export interface Alternative {
  readonly id: string;
  readonly name: LocalizedName;
  /** Hosts this alternative's links may point at: the allow-list every generated link is checked against. */
  readonly hosts: readonly string[];
  /** Cheap address that answers when the alternative is reachable. */
  readonly probe: string;
}

export interface Service {
  readonly id: string;
  readonly name: LocalizedName;
  readonly category: ServiceCategory;
  /** Hosts whose main-frame loads belong to this service. */
  readonly hosts: readonly string[];
  /** API, tile and CDN hosts whose failures degrade the service without failing the page. */
  readonly apiHosts: readonly string[];
  readonly probe: string;
  /** Alternative ids in default order. */
  readonly alternatives: readonly string[];
}
