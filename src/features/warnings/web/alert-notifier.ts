// Opt-in desktop notifications for new alerts: the choice is remembered in this browser, the Notification API is
// used only after the user turns it on, and an `alert.opened` live event then shows a notification and a short sound.
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { onLiveEvent } from '../../../web/live.ts';
import { alertQuery } from './queries.ts';

const KEY = 'firebreak.alert-notifications';
const LAST_KEY = 'firebreak.alert-notified';
const listeners = new Set<() => void>();
let audio: AudioContext | null = null;

/** Whether this browser can show desktop notifications at all. */
export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

function read(): boolean {
  try {
    return notificationsSupported() && localStorage.getItem(KEY) === 'on' && Notification.permission === 'granted';
  } catch {
    return false;
  }
}

function write(on: boolean) {
  try {
    if (on) localStorage.setItem(KEY, 'on');
    else localStorage.removeItem(KEY);
  } catch {
    // private mode: the choice lasts for this page only
  }
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  const onStorage = (e: StorageEvent) => e.key === KEY && l();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(l);
    window.removeEventListener('storage', onStorage);
  };
}

/** The result of turning notifications on. */
export type EnableResult = 'on' | 'denied' | 'unsupported';

/** Asks the browser for permission (only ever from a click) and remembers the choice. */
export async function enableAlertNotifications(): Promise<EnableResult> {
  if (!notificationsSupported()) return 'unsupported';
  // Created inside the click, so the browser lets it play later.
  audio ??= typeof AudioContext === 'undefined' ? null : new AudioContext();
  const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  write(true);
  return 'on';
}

/** Stops notifications in this browser. */
export function disableAlertNotifications(): void {
  write(false);
}

/** Whether alert notifications are on in this browser (re-renders on change, also from other tabs). */
export function useAlertNotificationsOn(): boolean {
  return useSyncExternalStore(subscribe, read, () => false);
}

/** Two short rising tones, quietly. */
function chime() {
  try {
    audio ??= new AudioContext();
    const ctx = audio;
    void ctx.resume();
    [880, 1175].forEach((freq, i) => {
      const start = ctx.currentTime + i * 0.16;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.12, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.15);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.16);
    });
  } catch {
    // no audio on this device: the notification alone will do
  }
}

/** True the first time any tab of this browser claims `id` (so several open tabs notify once). */
function claim(id: string): boolean {
  try {
    if (localStorage.getItem(LAST_KEY) === id) return false;
    localStorage.setItem(LAST_KEY, id);
  } catch {
    // without storage every tab notifies; the notification tag still merges them
  }
  return true;
}

/** Listens for new alerts while signed in and, when the user opted in, notifies with a sound. Used by the shell. */
export function useAlertNotifications(enabled: boolean): void {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    if (!enabled) return;
    return onLiveEvent((event) => {
      if (event.type !== 'alert.opened' || !event.id || !read()) return;
      const id = event.id;
      // A small random delay lets the first tab's claim land before the others look.
      setTimeout(async () => {
        if (!claim(id)) return;
        let title = t('warnings.title');
        let body = t('warnings.notify.generic');
        try {
          const a = await qc.fetchQuery(alertQuery(id));
          title = t('warnings.notify.title', { topic: a.topicName });
          body = t('warnings.notify.body', { risk: a.risk, severity: a.severity });
        } catch {
          // the generic text still tells the user to look
        }
        const n = new Notification(title, { body, tag: `alert:${id}`, lang: i18n.language });
        n.onclick = () => {
          window.focus();
          void navigate({ to: `/alerts/${id}` });
          n.close();
        };
        chime();
      }, Math.random() * 200);
    });
  }, [enabled, qc, navigate, t, i18n.language]);
}
