import browser from './browser.ts';

/** Creates a repeating alarm unless it already exists (re-creating would reset its schedule). */
export async function ensureAlarm(name: string, periodInMinutes: number): Promise<void> {
  if (!(await browser.alarms.get(name))) await browser.alarms.create(name, { periodInMinutes, delayInMinutes: periodInMinutes });
}

export async function clearAlarm(name: string): Promise<void> {
  await browser.alarms.clear(name);
}

export function onAlarm(name: string, listener: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === name) listener();
  });
}
