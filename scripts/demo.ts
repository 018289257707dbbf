// npm run demo: Detour in a simulated Kakao outage, without waiting for a real one.
//
//   npm run demo                 Chromium with the built extension (needs a display, e.g. xvfb-run)
//                                and a control page at http://127.0.0.1:7070 to break and mend services.
//   npm run demo -- --headless   A scripted outage, walked through headless; a screenshot of each moment
//                                in demo-output/.
//   npm run demo -- --fault map.kakao.com=503   Start with a fault (ok, refuse, reset, empty, hang,
//                                maintenance, or an HTTP status), repeatable.
//
// Every hostname the browser asks for is routed to a local stand-in server (test/fixtures/fault-server.ts):
// nothing leaves the machine.
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { SERVICES, SERVICE_IDS } from '../src/core/catalog/index.ts';
import type { HostRule } from '../test/fixtures/fault-server.ts';
import { POPUP_PAGE_PATH, ROOT } from '../test/e2e/harness/paths.ts';
import { startRig, type Rig, type Tab } from '../test/e2e/harness/index.ts';

const MAINTENANCE = `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>서비스 점검 안내</title></head>
<body><h1>서비스 점검 중입니다</h1><p>보다 나은 서비스를 위해 시스템 점검을 하고 있습니다. 이용에 불편을 드려 죄송합니다.</p></body></html>`;

type Fault = 'ok' | 'refuse' | 'reset' | 'empty' | 'hang' | 'maintenance' | number;

function parseFault(text: string): Fault | undefined {
  if (['ok', 'refuse', 'reset', 'empty', 'hang', 'maintenance'].includes(text)) return text as Fault;
  const status = Number(text);
  return Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
}

/** Applies a fault to one host. "refuse" takes all of Kakao's hosts down at the TCP level. */
async function applyFault(rig: Rig, host: string, fault: Fault): Promise<void> {
  if (fault === 'refuse') {
    await rig.server.setTransport('refuse', 'kakao');
    return;
  }
  if (fault === 'ok') await rig.server.setTransport('normal', 'kakao');
  const rule: HostRule =
    fault === 'ok' ? { kind: 'ok' } : fault === 'maintenance' ? { kind: 'page', html: MAINTENANCE } : typeof fault === 'number' ? { kind: 'status', status: fault } : { kind: fault };
  rig.server.setRule(host, rule);
}

function controlPage(): string {
  const rows = SERVICE_IDS.map((id) => {
    const host = SERVICES[id].hosts.find((h) => !h.startsWith('*.')) ?? '';
    const buttons = ['ok', 'refuse', 'reset', 'hang', '503', 'maintenance']
      .map((fault) => `<button onclick="fetch('/fault?host=${host}&kind=${fault}',{method:'POST'}).then(()=>document.getElementById('s').textContent='${host}: ${fault}')">${fault}</button>`)
      .join(' ');
    return `<tr><td>${SERVICES[id].name.ko}</td><td><a href="https://${host}/" target="_blank">${host}</a></td><td>${buttons}</td></tr>`;
  }).join('');
  return `<!doctype html><meta charset="utf-8"><title>Detour outage simulator</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}td{padding:.3rem .6rem}</style>
<h1>Detour outage simulator</h1><p>Break a service, then open it in another tab. ("refuse" takes every Kakao host down at once.)</p>
<p id="s" role="status"></p><table>${rows}</table>`;
}

/** The control page and its command endpoint, on loopback only. */
function startControl(rig: Rig, port: number): Promise<void> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/fault') {
      const host = url.searchParams.get('host') ?? '';
      const fault = parseFault(url.searchParams.get('kind') ?? '');
      if (!host || fault === undefined) {
        res.writeHead(400).end('host and kind (ok, refuse, reset, empty, hang, maintenance, or a status) are required');
        return;
      }
      applyFault(rig, host, fault).then(
        () => res.writeHead(204).end(),
        (error) => res.writeHead(500).end(String(error)),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(controlPage());
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
}

async function shot(tab: Tab, dir: string, name: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 400));
  await tab.screenshot(`${dir}/${name}.png`);
  console.log(`  saved demo-output/${name}.png`);
}

/** The scripted outage: each moment a user would meet, one screenshot each. */
async function walkThrough(rig: Rig): Promise<void> {
  const dir = `${ROOT}demo-output`;
  mkdirSync(dir, { recursive: true });
  const fallback = (url: string) => url.startsWith(`${rig.browser.extensionOrigin}src/ui/fallback/`);
  const tab = await rig.browser.newTab();

  console.log('1. KakaoMap works: Detour stays out of the way');
  await tab.goto('https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD');
  await shot(tab, dir, '1-healthy');

  console.log('2. KakaoMap refuses connections: the fallback page, with the search carried over');
  await applyFault(rig, 'map.kakao.com', 'refuse');
  await tab.goto('https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD');
  await tab.waitForUrl(fallback);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await shot(tab, dir, '2-fallback');

  console.log('3. The popup: verdict, status rows, badge');
  const popup = await rig.browser.newTab();
  await popup.goto(`${rig.browser.extensionOrigin}${POPUP_PAGE_PATH}`);
  await shot(popup, dir, '3-popup');

  console.log('4. A Daum page that loads, but its API calls fail: the in-page banner');
  await applyFault(rig, 'map.kakao.com', 'ok');
  rig.server.setRule('search.daum.net', {
    kind: 'page',
    html: `<!doctype html><meta charset="utf-8"><title>다음 검색</title><h1>다음 검색: 카카오</h1><p>검색 결과를 불러오는 중…</p>
<script>for (let i = 0; i < 8; i++) fetch('https://search1.kakaocdn.net/api?i=' + i, { mode: 'no-cors' }).catch(() => {});</script>`,
  });
  rig.server.setRule('search1.kakaocdn.net', { kind: 'status', status: 503 });
  await tab.goto('https://search.daum.net/search?w=tot&q=%EC%B9%B4%EC%B9%B4%EC%98%A4');
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await shot(tab, dir, '4-banner');

  console.log('5. Everything unreachable, Naver included: "your connection looks down", no alternatives');
  await rig.server.setTransport('refuse');
  await tab.goto('https://map.kakao.com/?q=offline');
  await tab.waitForUrl(fallback);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await shot(tab, dir, '5-offline');
  await rig.server.setTransport('normal');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const headless = args.includes('--headless');
  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error(
      'npm run demo opens a browser window, and this machine has no display.\nRun `xvfb-run -a npm run demo` (Debian: apt-get install xvfb), or `npm run demo -- --headless` for the scripted walk-through with screenshots.',
    );
    process.exit(2);
  }
  const rig = await startRig('chromium', { headed: !headless });
  for (const [index, arg] of args.entries()) {
    if (arg !== '--fault') continue;
    const [host, kind] = (args[index + 1] ?? '').split('=');
    const fault = parseFault(kind ?? '');
    if (!host || fault === undefined) throw new Error(`--fault wants HOST=KIND, e.g. --fault map.kakao.com=503; got "${args[index + 1] ?? ''}"`);
    await applyFault(rig, host, fault);
  }
  if (headless) {
    try {
      await walkThrough(rig);
    } finally {
      await rig.close();
    }
    return;
  }
  await startControl(rig, 7070);
  const control = await rig.browser.newTab();
  await control.goto('http://localhost:7070/');
  console.log('Detour demo running. Control page: http://127.0.0.1:7070 (Ctrl+C to stop)');
  process.on('SIGINT', () => void rig.close().then(() => process.exit(0)));
}

await main();
