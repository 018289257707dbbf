import { CONTROL_PROBES, SERVICES, serviceMatchPatterns, serviceForUrl, type ServiceId } from '../core/catalog/index.ts';
import { reduce } from '../core/health/engine.ts';
import { parseHealthState } from '../core/health/parse-state.ts';
import { probeAllowed, servicesToProbe, shouldProbe, type ProbeTrigger } from '../core/health/scheduling.ts';
import { badgeFor, summarize } from '../core/health/summary.ts';
import type { HealthEffect, HealthEvent, HealthState, Summary } from '../core/health/types.ts';
import { HEALTH_KEY, healthView } from '../core/health/view.ts';
import type { HealthView } from '../core/messages.ts';
import type { KeyValueArea } from '../core/ports.ts';
import { createSerialQueue } from '../core/serial.ts';
import type { SettingsStore } from '../core/settings/store.ts';
import { clearAlarm, ensureAlarm } from '../platform/alarms.ts';
import { setBadge } from '../platform/badge.ts';
import { languageSettled, serviceName, t } from '../platform/i18n.ts';
import { notify } from '../platform/notifications.ts';
import { probe } from '../platform/probe.ts';
import { openTabUrls } from '../platform/tabs-open.ts';

export const PROBE_ALARM = 'detour-probe';
/** Once a minute while a Kakao page is open or something failed; never otherwise. */
const PROBE_PERIOD_MINUTES = 1;
const PROBE_TIMEOUT_MS = 5000;

export interface Health {
  dispatch(events: readonly HealthEvent[]): Promise<HealthState>;
  view(): Promise<HealthView>;
  /** Probes these services and the control hosts now, when the user's probe setting allows it for this trigger. */
  check(services: readonly ServiceId[], trigger: ProbeTrigger): Promise<HealthView>;
  /** The alarm's turn: account time, probe if anything calls for it, stop the alarm when nothing does. */
  onAlarm(): Promise<void>;
  /** Something worth watching happened (a Kakao page, a failure): keep the probe alarm running. */
  wake(): Promise<void>;
  /** Restores the badge after a browser or worker start. */
  restoreBadge(): Promise<void>;
  /** Calls back after every dispatch with the state before and after it (for the in-page banner). */
  onChange(listener: (before: HealthState, after: HealthState) => void): void;
}

function badgeTitle(summary: Summary): string {
  const names = (ids: readonly ServiceId[]) => ids.map(serviceName).join(', ');
  switch (summary.verdict) {
    case 'offline':
      return t('badgeOffline');
    case 'kakao-wide':
      return t('badgeKakaoWide', names(summary.down));
    case 'some-down':
      return summary.down.length > 0 ? t('badgeDown', names(summary.down)) : t('badgeDegraded', names(summary.degraded));
    case 'all-up':
      return t('badgeAllUp');
    case 'unknown':
      return t('actionTitle');
  }
}

export function createHealth(area: KeyValueArea, settings: SettingsStore, now: () => number = Date.now): Health {
  const serialized = createSerialQueue();
  const load = async () => parseHealthState(await area.get(HEALTH_KEY), now());
  const listeners: Array<(before: HealthState, after: HealthState) => void> = [];

  async function runEffects(effects: readonly HealthEffect[], state: HealthState): Promise<void> {
    // A worker woken by the event that failed may still be reading the user's language.
    await languageSettled();
    const wantsNotifications = effects.some((effect) => effect.type === 'notify') && (await settings.get()).notifications;
    for (const effect of effects) {
      if (effect.type === 'notify' && wantsNotifications) {
        const key = effect.transition === 'down' ? 'notifyDown' : effect.transition === 'unstable' ? 'notifyUnstable' : 'notifyUp';
        await notify(`detour-${effect.service}`, t('extName'), t(key, serviceName(effect.service))).catch(() => undefined);
      }
    }
    if (effects.some((effect) => effect.type === 'summary-changed')) await showBadge(state);
  }

  async function showBadge(state: HealthState): Promise<void> {
    const summary = summarize(state);
    const badge = badgeFor(summary);
    await setBadge(badge.text, badge.color, badgeTitle(summary)).catch(() => undefined);
  }

  async function dispatch(events: readonly HealthEvent[]): Promise<HealthState> {
    const { state, effects, before } = await serialized(async () => {
      const before = await load();
      let current = before;
      const all: HealthEffect[] = [];
      for (const event of events) {
        const step = reduce(current, event);
        current = step.state;
        all.push(...step.effects);
      }
      await area.set(HEALTH_KEY, current);
      return { state: current, effects: all, before };
    });
    await runEffects(effects, state);
    for (const listener of listeners) listener(before, state);
    return state;
  }

  async function view(): Promise<HealthView> {
    // Read-only: history brought up to now in memory, nothing written. A write here would wake
    // every open page listening for health changes, which would ask again, and so on.
    const state = reduce(await load(), { type: 'tick', at: now() }).state;
    return { state, summary: summarize(state) };
  }

  async function check(services: readonly ServiceId[], trigger: ProbeTrigger): Promise<HealthView> {
    if (!probeAllowed((await settings.get()).probes, trigger)) return view();
    const startedAt = now();
    const [control, results] = await Promise.all([
      Promise.all(CONTROL_PROBES.map((url) => probe(url, PROBE_TIMEOUT_MS, true))),
      Promise.all(services.map((id) => probe(SERVICES[id].probe, PROBE_TIMEOUT_MS))),
    ]);
    const at = now();
    // The control goes first: a failing Kakao probe must not be held against Kakao while offline.
    const events: HealthEvent[] = [
      { type: 'control', ok: control.some((result) => result.ok), at },
      ...results.map(({ ok, latencyMs, cause }, index): HealthEvent => ({ type: 'probe', service: services[index]!, ok, latencyMs, ...(cause ? { cause } : {}), at, startedAt })),
    ];
    const state = await dispatch(events);
    return { state, summary: summarize(state) };
  }

  async function openServices(): Promise<ServiceId[]> {
    const urls = await openTabUrls(serviceMatchPatterns());
    return [...new Set(urls.flatMap((url) => serviceForUrl(url) ?? []))];
  }

  return {
    dispatch,
    async view() {
      // Read-only: nothing written. A write here would wake every open page listening for health
      // changes, which would ask again, and so on.
      return healthView(await area.get(HEALTH_KEY), now());
    },
    check,
    async onAlarm() {
      const state = await dispatch([{ type: 'tick', at: now() }]);
      const open = await openServices();
      const mode = (await settings.get()).probes;
      if (!shouldProbe(state, now(), { kakaoTabOpen: open.length > 0, mode })) {
        // Nothing open, nothing failing (or probes only on request): no probe traffic until something happens.
        await clearAlarm(PROBE_ALARM);
        return;
      }
      await check(servicesToProbe(state, { openServices: open, mode }), 'alarm');
    },
    async wake() {
      if ((await settings.get()).probes !== 'manual') await ensureAlarm(PROBE_ALARM, PROBE_PERIOD_MINUTES);
    },
    async restoreBadge() {
      await languageSettled();
      await showBadge(await load());
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
