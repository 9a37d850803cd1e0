// Messages of the comments anchored to a statement's text (zh-TW first; English must have the same keys — the
// compiler checks).

/** zh-TW messages under `statementComments.*`. */
export const zhTW = {
  title: '留言',
  count: '{{count}} 則未解決',
  add: '留言',
  addHint: '先在內文中選取要留言的文字',
  showResolved: '顯示已解決',
  none: '還沒有留言。選取內文中的文字，再按「留言」。',
  noneOpen: '沒有未解決的留言。',
  form: {
    label: '留言內容',
    placeholder: '這段文字有什麼問題或建議？',
    submit: '送出留言',
    cancel: '取消',
    quote: '針對：「{{quote}}」',
    unsaved: '選取的文字還沒儲存。請先儲存版本，再對它留言。',
  },
  reply: {
    open: '回覆',
    label: '回覆內容',
    submit: '送出回覆',
    cancel: '取消',
  },
  resolve: '標示為已解決',
  reopen: '重新開啟',
  resolvedBy: '已由 {{name}} 解決',
  lost: '原文已修改，找不到這段文字',
  moved: '文字位置已移動',
  version: '第 {{number}} 版',
  unknownAuthor: '（已刪除的使用者）',
  focus: '在內文中顯示這段文字',
  stale: '這則留言剛被別人更新，已重新載入，請再試一次。',
};

/** English messages under `statementComments.*`. */
export const en: typeof zhTW = {
  title: 'Comments',
  count: '{{count}} open',
  add: 'Comment',
  addHint: 'Select some words of the text to comment on first',
  showResolved: 'Show resolved',
  none: 'No comments yet. Select words in the text, then press “Comment”.',
  noneOpen: 'No open comments.',
  form: {
    label: 'Comment',
    placeholder: 'What is wrong with these words, or what would you suggest?',
    submit: 'Post comment',
    cancel: 'Cancel',
    quote: 'On: “{{quote}}”',
    unsaved: 'The selected words are not saved yet. Save a version first, then comment on them.',
  },
  reply: {
    open: 'Reply',
    label: 'Reply',
    submit: 'Post reply',
    cancel: 'Cancel',
  },
  resolve: 'Resolve',
  reopen: 'Reopen',
  resolvedBy: 'Resolved by {{name}}',
  lost: 'The text was changed: these words are no longer in it',
  moved: 'The words moved',
  version: 'Version {{number}}',
  unknownAuthor: '(deleted user)',
  focus: 'Show these words in the text',
  stale: 'Someone else just changed this comment; it was reloaded. Please try again.',
};
