// Messages under `drillDemo.*` (zh-TW first; English must have the same keys — the compiler checks).

/** zh-TW messages under `drillDemo.*`. */
export const zhTW = {
  title: '示範',
};

/** English messages under `drillDemo.*`. */
export const en: typeof zhTW = {
  title: 'Demo',
};
