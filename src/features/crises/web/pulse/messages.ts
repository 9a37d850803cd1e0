// Messages of The room's pulse: live metrics of the crisis's topics, who is online, situation reports (zh-TW first; English must have the same keys — the compiler checks).

/** zh-TW messages. */
export const zhTW = {
  title: '',
};

/** English messages. */
export const en: typeof zhTW = {
  title: '',
};
