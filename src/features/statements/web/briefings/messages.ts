// Messages (zh-TW first; English must have the same keys — the compiler checks).

/** zh-TW messages. */
export const zhTW = {
  title: '',
};

/** English messages. */
export const en: typeof zhTW = {
  title: '',
};
