// The only module that imports webextension-polyfill; everything else goes through src/platform.
import browser from 'webextension-polyfill';

export default browser;
export type { Runtime, Tabs, WebRequest } from 'webextension-polyfill';
