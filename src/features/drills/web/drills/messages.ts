// Messages under `drills.*` (zh-TW first; English must have the same keys — the compiler checks).

/** zh-TW messages under `drills.*`. */
export const zhTW = {
  title: '演練',
};

/** English messages under `drills.*`. */
export const en: typeof zhTW = {
  title: 'Drills',
};
