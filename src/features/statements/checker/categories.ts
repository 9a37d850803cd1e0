// The eleven wording-risk categories of STATEMENT-RISKS.md, with label, why, safer direction and law
// in zh-TW and English (shared by the checker's findings and the web app's legend).

export const riskCategories = [
  'liability_admission',
  'speculation',
  'absolute_promise',
  'blame_shifting',
  'defamation',
  'personal_data',
  'no_comment',
  'victim_playing',
  'minimizing',
  'inconsistent_fact',
  'legal_threat',
] as const;
export type RiskCategory = (typeof riskCategories)[number];
export type MessageLocale = 'zh-TW' | 'en';
export type CategoryInfo = { label: string; why: string; safer: string; law?: string };

const info: Record<RiskCategory, Record<MessageLocale, CategoryInfo>> = {
  liability_admission: {
    'zh-TW': {
      label: '承認法律責任',
      why: '承認過失或法律責任的措辭日後可能成為訴訟證據。',
      safer: '把同理與責任分開：為大家經歷的事致歉，並說明正在調查。',
      law: '民法 §184（侵權責任）、消費者保護法 §7',
    },
    en: {
      label: 'Admitting liability',
      why: 'Admitting legal fault or negligence can be used as evidence later.',
      safer: 'Separate empathy from responsibility: apologise for what people went through and say you are investigating.',
      law: 'Civil Code §184 (tort); Consumer Protection Act §7',
    },
  },
  speculation: {
    'zh-TW': {
      label: '臆測原因',
      why: '在事實確認前猜測原因；猜錯就得收回，也可能錯怪他人。',
      safer: '只陳述已確認的事實，標明仍在調查的部分與下次更新的時間。',
    },
    en: {
      label: 'Speculation',
      why: 'Guessing a cause before the facts are confirmed; a wrong guess must be withdrawn and can blame someone.',
      safer: 'State confirmed facts only; mark what is under investigation and when the next update comes.',
    },
  },
  absolute_promise: {
    'zh-TW': {
      label: '絕對化承諾',
      why: '保證、「絕不再發生」、「100%」等絕對說法，做不到時會成為誤導或違約的依據。',
      safer: '承諾具體行動，並訂出回報進度的日期。',
      law: '消費者保護法 §22、公平交易法 §21',
    },
    en: {
      label: 'Absolute promise',
      why: 'Guarantees and absolutes ("never again", "100%", "everyone") become misleading claims or broken obligations when they fail.',
      safer: 'Promise concrete actions and a date to report progress.',
      law: 'Consumer Protection Act §22; Fair Trade Act §21',
    },
  },
  blame_shifting: {
    'zh-TW': {
      label: '卸責',
      why: '把責任推給顧客、受害者、供應商或「個別員工」；品牌對顧客仍負有責任，點名第三方也有誹謗風險。',
      safer: '「無論問題出在供應鏈哪個環節，我們都會對顧客負責。」',
      law: '刑法 §310、§313',
    },
    en: {
      label: 'Blame shifting',
      why: 'Blaming customers, victims, suppliers or a "rogue" employee; the brand is still responsible to its customers, and naming a third party risks defamation.',
      safer: '"Wherever in our chain it happened, we are responsible to our customers."',
      law: 'Criminal Code §310, §313 (Taiwan)',
    },
  },
  defamation: {
    'zh-TW': {
      label: '誹謗他人',
      why: '指稱批評者說謊、收錢、惡意或是網軍，可能構成公然侮辱或誹謗（文字散布者加重）。',
      safer: '用事實與證據反駁說法本身，不針對人。',
      law: '刑法 §309 公然侮辱、§310 誹謗、§313 妨害信用',
    },
    en: {
      label: 'Defamation',
      why: 'Calling critics liars, paid, malicious or bots can be insult or defamation (heavier when written).',
      safer: 'Rebut the claim with facts and evidence, never the person.',
      law: 'Criminal Code §309 (public insult), §310 (defamation), §313 (credit) (Taiwan)',
    },
  },
  personal_data: {
    'zh-TW': {
      label: '個人資料',
      why: '公開顧客或員工的姓名、電話、身分證字號、地址或訂單資料，違反個人資料保護法。',
      safer: '「我們已直接與這位顧客聯繫。」',
      law: '個人資料保護法 §19–20、§41',
    },
    en: {
      label: 'Personal data',
      why: 'Publishing a customer’s or employee’s name, phone number, ID number, address or order details breaches data protection law.',
      safer: '"We have contacted the customer directly."',
      law: 'Personal Data Protection Act §19–20, §41 (Taiwan)',
    },
  },
  no_comment: {
    'zh-TW': {
      label: '無可奉告',
      why: '「無可奉告」「請洽律師」會被解讀為心虛。',
      safer: '說明正在做什麼，以及何時會再說明。',
    },
    en: {
      label: 'No comment',
      why: '"No comment" or "ask our lawyers" reads as guilt.',
      safer: 'Say what you are doing and when you will say more.',
    },
  },
  victim_playing: {
    'zh-TW': {
      label: '喊冤',
      why: '自稱受害者、指向「有心人士」會轉移責任並激化輿論（越描越黑）。',
      safer: '先承認受影響的人，再陳述事實。',
    },
    en: {
      label: 'Playing the victim',
      why: 'Claiming to be the real victim or blaming "malicious forces" deflects responsibility and inflames the crisis.',
      safer: 'Acknowledge the people affected first, then the facts.',
    },
  },
  minimizing: {
    'zh-TW': {
      label: '淡化',
      why: '有條件的道歉、被動語態、「少數個案」等說法讀起來像在迴避。',
      safer: '說清楚發生了什麼、影響與人數，但不下法律結論。',
    },
    en: {
      label: 'Minimising',
      why: 'Non-apologies, passive voice and "a few isolated cases" read as evasion.',
      safer: 'Name what happened, its impact and numbers, without a legal conclusion.',
    },
  },
  inconsistent_fact: {
    'zh-TW': {
      label: '事實不一致',
      why: '數字、日期、地點或說法與事實表或先前核准的聲明矛盾；事後被證實不符的否認傷害最深。',
      safer: '以單一事實表為準；要修正時明確寫出「更正：…」。',
    },
    en: {
      label: 'Inconsistent fact',
      why: 'A number, date, place or claim contradicts the fact sheet or an earlier approved statement; denials later proven false do lasting damage.',
      safer: 'Keep one fact sheet; make corrections explicit ("Correction: …").',
    },
  },
  legal_threat: {
    'zh-TW': {
      label: '威脅提告',
      why: '對網友揚言提告（以訟止謗）通常適得其反；合理評論受法律保障。',
      safer: '「具體的不實說法已保全證據並交由律師處理。」',
      law: '刑法 §311（善意發表言論）',
    },
    en: {
      label: 'Legal threat',
      why: 'Threatening netizens with lawsuits backfires; fair comment is protected.',
      safer: '"Specific false claims have been preserved and referred to counsel."',
      law: 'Criminal Code §311 (fair comment) (Taiwan)',
    },
  },
};

/** Label, why it is risky, a safer direction and the law, for one category in one locale. */
export function categoryInfo(category: RiskCategory, locale: MessageLocale): CategoryInfo {
  return info[category][locale];
}
