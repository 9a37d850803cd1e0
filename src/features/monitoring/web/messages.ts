// The monitoring feature's messages, one file per area so each area's screens own their strings.
import * as dashboard from './dashboard/messages.ts';
import * as importArea from './import/messages.ts';
import * as mentions from './mentions/messages.ts';
import * as sources from './sources/messages.ts';
import * as topics from './topics/messages.ts';

/** zh-TW messages under `monitoring.*`. */
export const monitoringZhTW = {
  title: '監測',
  nav: { dashboard: '總覽', mentions: '提及', topics: '監測主題', sources: '來源', import: '匯入' },
  dashboard: dashboard.zhTW,
  mentions: mentions.zhTW,
  topics: topics.zhTW,
  sources: sources.zhTW,
  import: importArea.zhTW,
};

/** English messages under `monitoring.*`. */
export const monitoringEn: typeof monitoringZhTW = {
  title: 'Monitoring',
  nav: { dashboard: 'Overview', mentions: 'Mentions', topics: 'Topics', sources: 'Sources', import: 'Import' },
  dashboard: dashboard.en,
  mentions: mentions.en,
  topics: topics.en,
  sources: sources.en,
  import: importArea.en,
};
