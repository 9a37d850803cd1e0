// Building and recognising the feed URLs of the common kinds: PTT board Atom feeds, Google News RSS searches and
// RSSHub routes. Pure functions, shared by the "add source" and settings forms.

/** The helpers the RSS form offers. */
export const feedPresets = ['ptt', 'googleNews', 'rsshub', 'url'] as const;
export type FeedPreset = (typeof feedPresets)[number];

/** The parts a preset's fields hold. */
export type FeedParts = { board: string; newsQuery: string; rsshubBase: string; rsshubRoute: string };

export const DEFAULT_RSSHUB = 'https://rsshub.app';
/** PTT board names: letters, digits, underscores and hyphens. */
export const BOARD = /^[A-Za-z0-9_-]{1,40}$/;

/** The feed URL a preset's fields describe ('' while incomplete). */
export function feedUrl(preset: FeedPreset, p: FeedParts): string {
  if (preset === 'ptt') return BOARD.test(p.board.trim()) ? `https://www.ptt.cc/atom/${p.board.trim()}.xml` : '';
  if (preset === 'googleNews') {
    const q = p.newsQuery.trim();
    return q ? `https://news.google.com/rss/search?q=${encodeURIComponent(q)}&hl=zh-TW&gl=TW&ceid=TW:zh-Hant` : '';
  }
  if (preset === 'rsshub') {
    const base = (p.rsshubBase.trim() || DEFAULT_RSSHUB).replace(/\/+$/, '');
    const route = p.rsshubRoute.trim().replace(/^\/+/, '');
    return route ? `${base}/${route}` : '';
  }
  return '';
}

/** Recognises a stored URL as one of the presets, so the settings page shows the friendly fields. */
export function recognise(url: string): { preset: FeedPreset; parts: Partial<FeedParts> } {
  const ptt = /^https:\/\/www\.ptt\.cc\/atom\/([A-Za-z0-9_-]{1,40})\.xml$/.exec(url);
  if (ptt) return { preset: 'ptt', parts: { board: ptt[1] } };
  if (URL.canParse(url)) {
    const u = new URL(url);
    if (u.hostname === 'news.google.com' && u.pathname === '/rss/search' && u.searchParams.get('q')) {
      return { preset: 'googleNews', parts: { newsQuery: u.searchParams.get('q') ?? '' } };
    }
  }
  return { preset: 'url', parts: {} };
}

/** True for an absolute http(s) URL. */
export const isHttpUrl = (v: string) => /^https?:\/\//i.test(v.trim()) && URL.canParse(v.trim());
