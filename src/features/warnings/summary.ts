// The one-paragraph plain-language summary of an alert, built only from its facts, in zh-TW or
// English. Shared by the web app and notifications, so every channel says the same thing.
import type { AlertDrivers, AlertSummary, SignalMove } from './contract.ts';

type Locale = 'zh-TW' | 'en';
type Facts = Pick<AlertSummary, 'topicName' | 'signals' | 'windowStart' | 'windowEnd' | 'risk' | 'severity'> & {
  drivers?: AlertDrivers;
  rule?: AlertSummary['rule'];
};

const SNIPPET = 40;

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET ? `${flat.slice(0, SNIPPET)}…` : flat;
}

function fmt(n: number, locale: Locale): string {
  return Math.round(n).toLocaleString(locale === 'zh-TW' ? 'zh-TW' : 'en-US');
}

function time(iso: string, locale: Locale, timeZone: string): string {
  // zh-TW "11/30 14:00"; English "30 Nov, 14:00" (a numeric day/month reads both ways in English).
  return new Intl.DateTimeFormat(locale === 'zh-TW' ? 'zh-TW' : 'en-GB', {
    month: locale === 'zh-TW' ? 'numeric' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(new Date(iso));
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** The summary paragraph. `timeZone` is the organisation's (default Asia/Taipei). */
export function alertSummaryText(a: Facts, locale: Locale, timeZone = 'Asia/Taipei'): string {
  const by = new Map<string, SignalMove>(a.signals.map((s) => [s.signal, s]));
  const from = time(a.windowStart, locale, timeZone);
  const to = time(a.windowEnd, locale, timeZone);
  const vol = by.get('volume');
  const neg = by.get('negative');
  const share = by.get('negative_share');
  const reach = by.get('reach');
  const d = a.drivers;
  const top = d?.clusters[0];
  const author = d?.authors[0];
  const parts: string[] = [];
  if (locale === 'zh-TW') {
    if (a.rule) parts.push(`規則「${a.rule.name}」觸發：`);
    parts.push(`「${a.topicName}」在 ${from} 至 ${to} 間`);
    // A rule's alert compares with the rule's threshold; the detector's with the expected value and band.
    if (vol && a.rule) parts.push(`有 ${fmt(vol.observed, locale)} 則提及（門檻 ${fmt(vol.expected, locale)} 則）`);
    else if (vol)
      parts.push(
        `每段時間約 ${fmt(vol.observed, locale)} 則提及，預期約 ${fmt(vol.expected, locale)} 則（正常範圍 ${fmt(vol.low, locale)}–${fmt(vol.high, locale)}）`,
      );
    if (neg)
      parts.push(
        `${vol ? '；' : ''}負面提及約 ${fmt(neg.observed, locale)} 則，${a.rule ? '門檻' : '預期約'} ${fmt(neg.expected, locale)} 則`,
      );
    if (share) parts.push(`${vol || neg ? '；' : ''}負面比例 ${pct(share.observed)}，平常約 ${pct(share.expected)}`);
    if (reach) parts.push(`${vol || neg || share ? '；' : ''}觸及估計明顯高於平常`);
    let s = `${parts.join('')}。`;
    if (d) s += `這段期間共 ${fmt(d.mentions, locale)} 則提及，其中負面 ${fmt(d.negativeMentions, locale)} 則。`;
    if (top && top.mentions > 1) s += `最大的轉貼群有 ${fmt(top.mentions, locale)} 則（「${snippet(top.text)}」）。`;
    if (author) s += `觸及最廣的作者是 ${author.author}（估計 ${fmt(author.reach, locale)} 人）。`;
    return `${s}風險分數 ${a.risk}，建議等級 ${a.severity}。`;
  }
  if (a.rule) parts.push(`Rule “${a.rule.name}” fired: `);
  parts.push(`${a.topicName}, ${from} to ${to}: `);
  const clauses: string[] = [];
  if (vol && a.rule) clauses.push(`${fmt(vol.observed, locale)} mentions (threshold ${fmt(vol.expected, locale)})`);
  else if (vol)
    clauses.push(
      `about ${fmt(vol.observed, locale)} mentions per bucket against ${fmt(vol.expected, locale)} expected (usual range ${fmt(vol.low, locale)}–${fmt(vol.high, locale)})`,
    );
  if (neg)
    clauses.push(
      a.rule
        ? `${fmt(neg.observed, locale)} negative (threshold ${fmt(neg.expected, locale)})`
        : `about ${fmt(neg.observed, locale)} negative against ${fmt(neg.expected, locale)} expected`,
    );
  if (share) clauses.push(`a negative share of ${pct(share.observed)} against about ${pct(share.expected)}`);
  if (reach) clauses.push('estimated reach well above usual');
  let s = `${parts.join('')}${clauses.join('; ')}.`;
  if (d) s += ` ${fmt(d.mentions, locale)} mentions in the window, ${fmt(d.negativeMentions, locale)} of them negative.`;
  if (top && top.mentions > 1) s += ` The largest repost cluster has ${fmt(top.mentions, locale)} copies (“${snippet(top.text)}”).`;
  if (author) s += ` The author with the widest reach is ${author.author} (est. ${fmt(author.reach, locale)}).`;
  return `${s} Risk ${a.risk}, suggested severity ${a.severity}.`;
}
