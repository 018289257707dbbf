// A realistic KakaoMap stand-in for the benchmark, generated on the fly (nothing large is committed):
// the page on map.kakao.com, ~1.5 MB of JavaScript from Kakao's CDNs that the page parses and runs a
// little, 20 API calls (dapi.kakao.com and map.kakao.com/api), and 260 map tiles from
// map0..map3.daumcdn.net: 180 while the page loads, 80 more after its load event ("panning").
// Every response waits 20-50 ms, the same for the same address in every run, and none is cacheable.
import { crc32, deflateSync } from 'node:zlib';
import type { Site, SiteResponse } from '../../test/fixtures/fault-server.ts';

/** The stand-in answers at this address only: other map.kakao.com addresses keep the small stand-in page. */
export const MAP_PAGE = 'https://map.kakao.com/?bench-map=';
export const TILES_AT_START = 180;
export const TILES_PANNED = 80;
export const API_CALLS = 20;

/** Scripts as the real page loads them: the map JS API from t1.daumcdn.net, the rest from t1.kakaocdn.net. */
export const SCRIPTS: ReadonlyArray<{ readonly url: string; readonly kb: number }> = [
  { url: 'https://t1.daumcdn.net/mapjsapi/js/main/4.4.19/kakao.js', kb: 420 },
  { url: 'https://t1.daumcdn.net/mapjsapi/js/libs/services/1.0.2/services.js', kb: 160 },
  { url: 'https://t1.daumcdn.net/mapjsapi/js/libs/clusterer/1.0.9/clusterer.js', kb: 90 },
  { url: 'https://t1.daumcdn.net/kakaomapweb/place/jscss/pc.dbb4e2f8.js', kb: 380 },
  { url: 'https://t1.kakaocdn.net/kakaomapweb/map/js/vendor.5c1e0a.js', kb: 290 },
  { url: 'https://t1.kakaocdn.net/kakaomapweb/map/js/app.93f7d2.js', kb: 180 },
  { url: 'https://t1.kakaocdn.net/kakao_js_sdk/2.7.2/kakao.min.js', kb: 40 },
];

export const TILE_HOSTS = ['map0.daumcdn.net', 'map1.daumcdn.net', 'map2.daumcdn.net', 'map3.daumcdn.net'];
export const SITE_HOSTS: readonly string[] = [...new Set(['map.kakao.com', 'dapi.kakao.com', ...SCRIPTS.map((s) => new URL(s.url).hostname), ...TILE_HOSTS])];

/** FNV-1a: a stable pseudo-random number per address. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** 20-50 ms, decided by host and path without the query (the same address waits the same in every run). */
export function latencyMs(host: string, path: string): number {
  return 20 + (hash(`${host}${path.split('?')[0]}`) % 31);
}

/**
 * JavaScript of about `kb` kilobytes: many small functions (parsed, most lazily, as a real bundle's
 * are), a block of string data, and a start-up that calls a tenth of the functions.
 */
export function generateScript(name: string, kb: number): string {
  const seed = hash(name);
  const parts: string[] = [`/* ${name}: generated benchmark stand-in */\n(function(){var M=(self.__kakaoModules=self.__kakaoModules||{});`];
  let size = parts[0]!.length;
  let n = 0;
  while (size < kb * 1024 * 0.85) {
    const k = (seed + n * 2654435761) >>> 0;
    const fn = `function f${n}(a,b){var s=${k % 997},t=[];for(var i=0;i<(a|0);i++){s=(s*31+b+i*${(k >>> 8) % 89})|0;if(s%${(k % 7) + 3}===0)t.push(s.toString(36))}return t.length?t.join("${String.fromCharCode(97 + (k % 26))}"):s}\n`;
    parts.push(fn);
    size += fn.length;
    n += 1;
  }
  const data: string[] = [];
  for (let i = 0; size < kb * 1024; i += 1) {
    const chunk = ((seed + i * 40503) >>> 0).toString(36).padStart(7, 'x');
    data.push(chunk);
    size += chunk.length + 1;
  }
  parts.push(`var D="${data.join(',')}";`);
  const called = Array.from({ length: Math.ceil(n / 10) }, (_, i) => `f${i * 10}`).join(',');
  parts.push(`var r=0,F=[${called}];for(var j=0;j<F.length;j++)r^=F[j](40,j)|0;`);
  parts.push(`M[${JSON.stringify(name)}]={n:${n},r:r,d:D.length};})();\n`);
  return parts.join('');
}

/** A 256 x 256 PNG, a different pattern per tile: small, like a real tile, and decoded by the browser. */
function png(seed: number): Uint8Array {
  const width = 256;
  const rows: Buffer[] = [];
  for (let y = 0; y < width; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const road = (x + (seed % 64)) % 64 < 3 || (y + ((seed >>> 6) % 64)) % 80 < 4;
      const base = road ? 255 : 232 + ((x ^ y ^ seed) & 7);
      row[1 + x * 3] = base;
      row[2 + x * 3] = road ? 236 : base - 4;
      row[3 + x * 3] = road ? 180 : base - 12;
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** Tile addresses as KakaoMap's: level, row, column; spread over the four tile hosts. */
export function tileUrl(index: number): string {
  const x = 1000 + (index % 20);
  const y = 2000 + Math.floor(index / 20);
  return `https://${TILE_HOSTS[index % TILE_HOSTS.length]}/map_2d/2411hsp/L3/${y}/${x}.png`;
}

function apiUrl(index: number): string {
  return index % 2 ? `https://dapi.kakao.com/v2/local/search/keyword.json?query=%EC%B9%B4%ED%8E%98&page=${index}` : `https://map.kakao.com/api/dapi/poi/v1/search?lat=37.5${index}&lng=127.0${index}`;
}

/**
 * The page: the scripts (blocking, in the head, as the real page's are), then the API calls and the
 * first 180 tiles; after its load event, 80 more. It records its load event and its last tile
 * (performance.now() of the last tile's load) in window.__map for the benchmark to read.
 */
export function mapPage(): string {
  const tiles = Array.from({ length: TILES_AT_START + TILES_PANNED }, (_, i) => tileUrl(i));
  const api = Array.from({ length: API_CALLS }, (_, i) => apiUrl(i));
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>카카오맵</title>
<script>performance.setResourceTimingBufferSize(2000);window.__map={tiles:0,failed:0,api:0,lastTile:null,load:null,done:false};</script>
${SCRIPTS.map((s) => `<script src="${s.url}"></script>`).join('\n')}
</head><body style="margin:0"><div id="map" style="position:relative;width:1280px;height:900px;overflow:hidden"></div>
<script>(function(){
  var m=window.__map, tiles=${JSON.stringify(tiles)}, api=${JSON.stringify(api)}, box=document.getElementById('map');
  function tile(i){var img=new Image(256,256);img.style.cssText='position:absolute;left:'+((i%20)*256-1024)+'px;top:'+(Math.floor(i/20)*256-512)+'px';
    img.onload=img.onerror=function(e){if(e.type==='error')m.failed++;m.tiles++;if(m.tiles===tiles.length){m.lastTile=performance.now();m.done=true}};
    img.src=tiles[i];box.appendChild(img)}
  api.forEach(function(u){fetch(u).then(function(r){return r.json()}).then(function(){m.api++},function(){m.api++})});
  for(var i=0;i<${TILES_AT_START};i++)tile(i);
  addEventListener('load',function(){m.load=performance.now();setTimeout(function(){for(var i=${TILES_AT_START};i<tiles.length;i++)tile(i)},0)});
})();</script></body></html>`;
}

const scriptBodies = new Map<string, string>();
const tileBodies = new Map<string, Uint8Array>();

/** The site for the fault server: null for any address that is not part of the stand-in. */
export function kakaoMapSite(): Site {
  return (host, path) => {
    const delayMs = latencyMs(host, path);
    const url = `https://${host}${path.split('?')[0]}`;
    const respond = (type: string, body: string | Uint8Array, extra: Record<string, string> = {}): SiteResponse => ({ headers: { 'content-type': type, ...extra }, body, delayMs });
    if (host === 'map.kakao.com' && path.startsWith('/?bench-map=')) return respond('text/html; charset=utf-8', mapPage());
    const script = SCRIPTS.find((s) => s.url === url);
    if (script) {
      if (!scriptBodies.has(url)) scriptBodies.set(url, generateScript(url, script.kb));
      return respond('text/javascript; charset=utf-8', scriptBodies.get(url)!, { 'access-control-allow-origin': '*' });
    }
    if (TILE_HOSTS.includes(host) && path.startsWith('/map_2d/')) {
      if (!tileBodies.has(path)) tileBodies.set(path, png(hash(path)));
      return respond('image/png', tileBodies.get(path)!);
    }
    if ((host === 'dapi.kakao.com' && path.startsWith('/v2/local/')) || (host === 'map.kakao.com' && path.startsWith('/api/'))) {
      const places = Array.from({ length: 15 }, (_, i) => ({
        id: String(hash(`${path}${i}`)),
        place_name: `장소 ${i}`,
        x: `127.0${i}`,
        y: `37.5${i}`,
        road_address_name: `서울 중구 세종대로 ${i + 1}`,
      }));
      return respond('application/json; charset=utf-8', JSON.stringify({ meta: { total_count: 15 }, documents: places }), { 'access-control-allow-origin': 'https://map.kakao.com' });
    }
    return null;
  };
}
