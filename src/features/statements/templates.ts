// The shipped statement templates (聲明稿範本): one per kind in zh-TW and English, in careful wording that the
// checker passes (sympathy without admitting fault, facts only, concrete next steps and a date for the next
// update, no absolutes). Fill-in fields are `{{name}}`; an unfilled one shows as 【name】 in the draft.
import type { StatementKind, StatementLanguage } from './contract.ts';

/** A shipped template. */
export type ShippedTemplate = { id: string; kind: StatementKind; language: StatementLanguage; name: string; body: string };

type Pair = { name: Record<StatementLanguage, string>; body: Record<StatementLanguage, string> };

const zh = (lines: string[]) => lines.join('\n');
const en = zh;

const shipped: Record<StatementKind, Pair> = {
  holding: {
    name: { 'zh-TW': '初步聲明', en: 'Holding statement' },
    body: {
      'zh-TW': zh([
        '{{company}}關於{{incident}}的說明',
        '',
        '{{company}}已於{{date}}得知{{incident}}的相關訊息，並已成立專案小組了解經過。',
        '我們理解大家的關心。目前已確認的事實將在查證後依序說明；尚待查證的部分，我們正與相關單位釐清。',
        '我們將於{{next_update}}前公布最新進度。如有疑問，請洽{{contact}}。',
      ]),
      en: en([
        '{{company}} statement on {{incident}}',
        '',
        'On {{date}}, {{company}} learned of {{incident}} and set up a response team to establish what happened.',
        'Many people have raised concerns, and we are taking them seriously. We will share facts as they are confirmed; the points still being checked are under review with the parties involved.',
        'We will publish our next update by {{next_update}}. For questions, please contact {{contact}}.',
      ]),
    },
  },
  apology: {
    name: { 'zh-TW': '致歉聲明', en: 'Apology' },
    body: {
      'zh-TW': zh([
        '{{company}}就{{incident}}向受影響的顧客致歉',
        '',
        '對於{{incident}}帶給大家的困擾與不便，我們誠摯致歉。',
        '我們已於{{date}}採取以下行動：{{actions}}。受影響的顧客，我們將主動個別聯繫並協助後續處理。',
        '事件原因仍在調查中，我們將於{{next_update}}前說明調查進度與改善計畫。如需協助，請洽{{contact}}。',
      ]),
      en: en([
        '{{company}} apologises to the customers affected by {{incident}}',
        '',
        'We are sorry for the distress and disruption that {{incident}} has brought to the people affected.',
        'On {{date}} we took these steps: {{actions}}. We are contacting affected customers directly to help them.',
        'The cause is still under investigation. We will report on the investigation and our improvement plan by {{next_update}}. For help, please contact {{contact}}.',
      ]),
    },
  },
  clarification: {
    name: { 'zh-TW': '澄清說明', en: 'Clarification' },
    body: {
      'zh-TW': zh([
        '關於{{incident}}的說明',
        '',
        '近期網路上流傳關於{{incident}}的訊息。經{{company}}查證，目前已確認的事實如下：{{facts}}',
        '相關資料與查證來源已整理公開，歡迎媒體與各界查閱，詳情請洽{{contact}}。',
        '如有新的事證，我們將於{{next_update}}前更新說明。',
      ]),
      en: en([
        'Clarification on {{incident}}',
        '',
        'Posts about {{incident}} have been circulating online. These are the facts {{company}} has confirmed: {{facts}}',
        'The records and sources behind them are available to the media and the public; please contact {{contact}} for details.',
        'If new information comes to light, we will update this clarification by {{next_update}}.',
      ]),
    },
  },
  update: {
    name: { 'zh-TW': '進度更新', en: 'Update' },
    body: {
      'zh-TW': zh([
        '{{incident}}最新進度說明（{{date}}）',
        '',
        '以下是截至{{date}}的最新進度：{{progress}}',
        '我們持續與相關單位合作處理，下一次更新預計於{{next_update}}。如有疑問，請洽{{contact}}。',
      ]),
      en: en([
        'Update on {{incident}} ({{date}})',
        '',
        'This is where things stand as of {{date}}: {{progress}}',
        'We continue to work with the parties involved. Our next update is planned for {{next_update}}. For questions, please contact {{contact}}.',
      ]),
    },
  },
  closing: {
    name: { 'zh-TW': '結案說明', en: 'Closing statement' },
    body: {
      'zh-TW': zh([
        '{{incident}}處理結果說明',
        '',
        '{{company}}對{{incident}}的處理已於{{date}}告一段落，處理經過與結果如下：{{summary}}',
        '我們已完成以下改善措施：{{actions}}。後續執行情形將持續追蹤，並於{{next_update}}公布追蹤結果。',
        '感謝大家這段期間的耐心與指教。如有疑問，請洽{{contact}}。',
      ]),
      en: en([
        'Outcome of {{incident}}',
        '',
        'The handling of {{incident}} by {{company}} concluded on {{date}}. This is what happened and what we did: {{summary}}',
        'We have completed these improvements: {{actions}}. We will keep tracking them and report the results on {{next_update}}.',
        'Thank you for your patience and feedback throughout. For questions, please contact {{contact}}.',
      ]),
    },
  },
  internal_memo: {
    name: { 'zh-TW': '內部員工說明', en: 'Internal employee memo' },
    body: {
      'zh-TW': zh([
        '【內部說明】關於{{incident}}',
        '',
        '各位同仁：',
        '{{company}}於{{date}}得知{{incident}}，目前由應變小組統一處理。',
        '對外說明請以公司正式聲明為準。如有媒體、顧客或親友詢問，請回覆：「公司已成立專案小組處理，詳細資訊請以官方公告為準。」並請將詢問轉介至{{contact}}。',
        '請勿在個人社群發表評論或轉貼未經查證的訊息。',
        '下一次內部更新預計於{{next_update}}。',
      ]),
      en: en([
        '[Internal] About {{incident}}',
        '',
        'Dear colleagues,',
        'On {{date}}, {{company}} learned of {{incident}}. The response team is handling it.',
        'Our official statement is the only public position. If the media, customers or friends ask you, please reply: “The company has set up a team to handle this; please refer to the official announcements for details.” Then pass the question on to {{contact}}.',
        'Please leave public replies to the official accounts and avoid sharing unverified posts on your personal social media.',
        'The next internal update is planned for {{next_update}}.',
      ]),
    },
  },
  cs_script: {
    name: { 'zh-TW': '客服回覆話術', en: 'Customer-service script' },
    body: {
      'zh-TW': zh([
        '客服回覆話術：{{incident}}',
        '',
        '開場：「感謝您的來電，也謝謝您告訴我們您的擔心。」',
        '說明：「{{company}}已於{{date}}得知此事，並已成立專案小組了解經過。目前已確認的資訊請參考官方公告，我們將於{{next_update}}前公布最新進度。」',
        '顧客受到影響時：「請留下方便聯繫的方式，專人將主動與您聯繫，協助後續處理。」',
        '需要轉介時：請轉介至{{contact}}，並記錄詢問內容與時間。',
      ]),
      en: en([
        'Customer-service script: {{incident}}',
        '',
        'Opening: “Thank you for calling, and thank you for telling us what concerns you.”',
        'Explain: “{{company}} learned of this on {{date}} and has set up a team to establish what happened. The confirmed information is in our official announcement, and we will publish our next update by {{next_update}}.”',
        'If the customer was affected: “Please leave the best way to reach you, and a member of our team will contact you to help.”',
        'To escalate: pass the case to {{contact}} and note the question and the time.',
      ]),
    },
  },
  media_qa: {
    name: { 'zh-TW': '媒體問答集', en: 'Media Q&A' },
    body: {
      'zh-TW': zh([
        '媒體問答集：{{incident}}',
        '',
        '問：發生了什麼事？',
        '答：{{company}}於{{date}}得知{{incident}}，已成立專案小組了解經過，已確認的事實請見正式聲明。',
        '問：原因是什麼？',
        '答：原因仍在調查中。我們會在確認後說明，預計於{{next_update}}前公布進度。',
        '問：受影響的人怎麼辦？',
        '答：我們正主動聯繫受影響的顧客，協助窗口為{{contact}}。',
        '問：公司會如何改善？',
        '答：我們會在調查完成後公布具體的改善措施與時程。',
      ]),
      en: en([
        'Media Q&A: {{incident}}',
        '',
        'Q: What happened?',
        'A: {{company}} learned of {{incident}} on {{date}} and set up a team to establish what happened. The confirmed facts are in our official statement.',
        'Q: What caused it?',
        'A: The cause is under investigation. We will explain it once it is confirmed and report progress by {{next_update}}.',
        'Q: What about the people affected?',
        'A: We are contacting the affected customers directly; they can reach us through {{contact}}.',
        'Q: What will the company change?',
        'A: We will publish concrete improvements and a timetable when the investigation is complete.',
      ]),
    },
  },
};

/** Every shipped template, ids `builtin:<kind>:<language>`. */
export const shippedTemplates: ShippedTemplate[] = (Object.keys(shipped) as StatementKind[]).flatMap((kind) =>
  (['zh-TW', 'en'] as const).map((language) => ({
    id: `builtin:${kind}:${language}`,
    kind,
    language,
    name: shipped[kind].name[language],
    body: shipped[kind].body[language],
  })),
);

/** The `{{field}}` names of a template body, in order of first use. */
export function templateFields(body: string): string[] {
  return [...new Set([...body.matchAll(/\{\{\s*([\p{L}\p{N}_]+)\s*\}\}/gu)].map((m) => m[1]))];
}

/** Fills a template: each `{{field}}` with its value, or 【field】 when none was given, so nobody misses it. */
export function fillTemplate(body: string, fields: Record<string, string>): string {
  return body.replace(/\{\{\s*([\p{L}\p{N}_]+)\s*\}\}/gu, (_m, name: string) => {
    const v = fields[name]?.trim();
    return v ? v : `【${name}】`;
  });
}
