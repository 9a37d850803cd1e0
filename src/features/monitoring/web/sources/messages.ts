// Messages of the monitoring sources area (zh-TW first; English must have the same keys — the compiler checks).

/** zh-TW messages. */
export const zhTW = {};

/** English messages. */
export const en: typeof zhTW = {};
