// Messages of Employee reports (通報): the report form, my reports, the triage queue (zh-TW first; English must have the same keys — the compiler checks).

/** zh-TW messages. */
export const zhTW = {
  title: '',
};

/** English messages. */
export const en: typeof zhTW = {
  title: '',
};
