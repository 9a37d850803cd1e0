// Default playbooks (應變劇本): for each crisis type and level, the roles to fill and the first tasks with
// their clocks. The clocks follow common Taiwanese PR practice: facts confirmed internally at T+15 min, a
// holding statement (初步聲明) within the first hour at L1 (2 h at L2, 4 h at L3, the next business day at
// L4), legal review before any statement, and situation updates every 2 h at L1 … 24 h at L4. Shared by
// the server (declaring instantiates them) and the web app (the declare form's preview); no Node imports.
import type { CrisisType, Playbook, PlaybookTask, Severity, TeamRole } from './contract.ts';

type Level = Severity;
type Item = { 'zh-TW': string; en: string };
type Step = { key: string; zh: string; en: string; role: TeamRole; due: Record<Level, number | null>; checklist?: Item[] };

/** Checklists for the tasks every crisis gets (copied into the crisis's tasks when declaring). */
const checklists: Record<string, Item[]> = {
  confirm_facts: [
    { 'zh-TW': '蒐集原始貼文、截圖與連結並存證', en: 'Collect and preserve the original posts, screenshots and links' },
    { 'zh-TW': '向相關部門確認事實經過', en: 'Confirm what happened with the departments involved' },
    { 'zh-TW': '列出已知、未知與待查事項', en: 'List what is known, unknown and still to check' },
  ],
  legal_review: [
    { 'zh-TW': '確認聲明不承認未經證實的責任', en: 'Check the statement admits no unproven liability' },
    { 'zh-TW': '確認未揭露個人資料或營業秘密', en: 'Check it discloses no personal data or trade secrets' },
  ],
  holding_statement: [
    { 'zh-TW': '說明已知情況與正在採取的行動', en: 'Say what is known and what is being done' },
    { 'zh-TW': '表達關心並說明下次更新時間', en: 'Show concern and say when the next update comes' },
    { 'zh-TW': '經法務審閱與指揮官核准', en: 'Reviewed by legal and approved by the commander' },
    { 'zh-TW': '同步發布於官網與官方社群帳號', en: 'Publish on the website and official social accounts together' },
  ],
  cs_script: [
    { 'zh-TW': '統一回覆話術與常見問答', en: 'One response script and FAQ' },
    { 'zh-TW': '升級處理的條件與窗口', en: 'When and to whom to escalate' },
  ],
};

/** Who is paged on declaring (the rest of the team is informed): the L1/L2 core also pages the executive sponsor and legal. */
const pagedByLevel: Record<Level, TeamRole[]> = {
  L1: ['commander', 'pr_lead', 'legal_counsel', 'executive_sponsor', 'spokesperson'],
  L2: ['commander', 'pr_lead', 'legal_counsel'],
  L3: ['commander', 'pr_lead'],
  L4: ['commander'],
};

const H = 60;
const DAY = 24 * H;

/** The roles each level fills (L1 the whole team; L4 a commander, the PR lead and a scribe). */
const rolesByLevel: Record<Level, TeamRole[]> = {
  L1: ['commander', 'pr_lead', 'legal_counsel', 'cs_lead', 'marketing_lead', 'executive_sponsor', 'spokesperson', 'scribe'],
  L2: ['commander', 'pr_lead', 'legal_counsel', 'cs_lead', 'spokesperson', 'scribe'],
  L3: ['commander', 'pr_lead', 'cs_lead', 'scribe'],
  L4: ['commander', 'pr_lead', 'scribe'],
};

/** Types where legal counsel sits on the team at every level (statements carry legal risk from the start). */
const legalAlways: CrisisType[] = ['data_breach', 'legal_regulatory', 'misconduct', 'misinformation'];

/** Hours between situation updates while the crisis is active. */
const updateEveryHours: Record<Level, number> = { L1: 2, L2: 4, L3: 8, L4: 24 };

/** Tasks every crisis gets (null: not at that level). */
const common: Step[] = [
  {
    key: 'confirm_facts',
    zh: '確認事實並建立事實清單（已知／未知／待查）',
    en: 'Confirm the facts and start a fact sheet (known / unknown / to check)',
    role: 'commander',
    due: { L1: 15, L2: 30, L3: 60, L4: 4 * H },
  },
  {
    key: 'brief_executives',
    zh: '向高層簡報事件與初步分級',
    en: 'Brief senior management on the incident and its level',
    role: 'executive_sponsor',
    due: { L1: 30, L2: 60, L3: null, L4: null },
  },
  {
    key: 'monitor_channels',
    zh: '設定輿情監測並回報聲量變化',
    en: 'Set up monitoring and report how the conversation moves',
    role: 'marketing_lead',
    due: { L1: 30, L2: 60, L3: 2 * H, L4: 8 * H },
  },
  {
    key: 'pause_campaigns',
    zh: '暫停排程中的廣告與行銷貼文',
    en: 'Pause scheduled ads and marketing posts',
    role: 'marketing_lead',
    due: { L1: 30, L2: 60, L3: null, L4: null },
  },
  {
    key: 'legal_review',
    zh: '法務審閱對外聲明內容',
    en: 'Legal review of the statement before release',
    role: 'legal_counsel',
    due: { L1: 45, L2: 100, L3: 210, L4: DAY - 2 * H },
  },
  {
    key: 'holding_statement',
    zh: '發布初步聲明（holding statement）',
    en: 'Publish a holding statement',
    role: 'pr_lead',
    due: { L1: 60, L2: 2 * H, L3: 4 * H, L4: DAY },
  },
  {
    key: 'cs_script',
    zh: '提供客服統一回覆話術與常見問答',
    en: 'Give customer service a response script and FAQ',
    role: 'cs_lead',
    due: { L1: 90, L2: 3 * H, L3: 6 * H, L4: DAY },
  },
  {
    key: 'spokesperson_qa',
    zh: '準備發言人問答集（Q&A）並演練',
    en: 'Prepare and rehearse the spokesperson’s Q&A',
    role: 'spokesperson',
    due: { L1: 2 * H, L2: 4 * H, L3: null, L4: null },
  },
  {
    key: 'employee_briefing',
    zh: '發布內部員工說明，統一對外口徑',
    en: 'Brief employees and align what staff say externally',
    role: 'pr_lead',
    due: { L1: 2 * H, L2: 4 * H, L3: 8 * H, L4: 2 * DAY },
  },
  {
    key: 'situation_update',
    zh: '更新第一次情勢報告（之後定期更新）',
    en: 'Send the first situation update (then at the set interval)',
    role: 'scribe',
    due: { L1: 2 * H, L2: 4 * H, L3: 8 * H, L4: DAY },
  },
  {
    key: 'post_review',
    zh: '結案後召開檢討會議並更新應變手冊',
    en: 'Hold a post-incident review and update the playbook',
    role: 'commander',
    due: { L1: 7 * DAY, L2: 7 * DAY, L3: 14 * DAY, L4: 14 * DAY },
  },
];

const all = (l1: number, l2: number, l3: number | null, l4: number | null): Record<Level, number | null> => ({
  L1: l1,
  L2: l2,
  L3: l3,
  L4: l4,
});

/** Tasks particular to each type of crisis. */
const specific: Record<CrisisType, Step[]> = {
  product_quality: [
    {
      key: 'pull_product',
      zh: '暫停販售並下架、封存問題批號產品',
      en: 'Stop sales, pull and quarantine the affected batches',
      role: 'commander',
      due: all(60, 2 * H, 4 * H, DAY),
    },
    {
      key: 'contact_health_authority',
      zh: '通報並聯繫衛生主管機關（食藥署／地方衛生局）',
      en: 'Notify and contact the health authority (TFDA / local health bureau)',
      role: 'legal_counsel',
      due: all(2 * H, 4 * H, 8 * H, DAY),
    },
    {
      key: 'recall_plan',
      zh: '評估回收範圍並公告退換貨方式',
      en: 'Scope the recall and announce how to return or exchange',
      role: 'cs_lead',
      due: all(4 * H, 8 * H, DAY, null),
    },
  ],
  service_failure: [
    {
      key: 'impact_eta',
      zh: '確認影響範圍與預計恢復時間',
      en: 'Confirm the impact and the expected recovery time',
      role: 'commander',
      due: all(30, 60, 2 * H, 4 * H),
    },
    {
      key: 'status_page',
      zh: '更新服務狀態頁與官方社群公告',
      en: 'Update the status page and official social accounts',
      role: 'pr_lead',
      due: all(45, 90, 3 * H, 8 * H),
    },
    {
      key: 'compensation',
      zh: '評估用戶補償方案',
      en: 'Decide on compensation for affected users',
      role: 'cs_lead',
      due: all(DAY, DAY, 2 * DAY, null),
    },
  ],
  data_breach: [
    {
      key: 'scope_breach',
      zh: '確認外洩範圍（資料類型、筆數、受影響當事人）',
      en: 'Scope the breach (kinds of data, records, people affected)',
      role: 'commander',
      due: all(60, 2 * H, 4 * H, 8 * H),
    },
    {
      key: 'contain_breach',
      zh: '阻斷外洩管道並保全數位證據',
      en: 'Contain the breach and preserve digital evidence',
      role: 'commander',
      due: all(60, 2 * H, 4 * H, 8 * H),
    },
    {
      key: 'notify_regulator',
      zh: '依個資法通報目的事業主管機關（72 小時內）',
      en: 'Notify the competent authority under the Personal Data Protection Act (within 72 h)',
      role: 'legal_counsel',
      due: all(DAY, 2 * DAY, 3 * DAY, 3 * DAY),
    },
    {
      key: 'notify_data_subjects',
      zh: '依個資法第 12 條通知受影響當事人',
      en: 'Notify the people affected (PDPA Art. 12)',
      role: 'cs_lead',
      due: all(DAY, 2 * DAY, 3 * DAY, 3 * DAY),
    },
    {
      key: 'breach_hotline',
      zh: '設立專線與查詢頁面',
      en: 'Set up a hotline and an enquiry page',
      role: 'cs_lead',
      due: all(4 * H, 8 * H, DAY, null),
    },
  ],
  misconduct: [
    {
      key: 'hr_investigation',
      zh: '啟動人資調查並保全相關紀錄',
      en: 'Open an HR investigation and preserve records',
      role: 'commander',
      due: all(2 * H, 4 * H, 8 * H, DAY),
    },
    {
      key: 'interim_measures',
      zh: '評估當事人停職或調整職務等暫時措施',
      en: 'Decide interim measures (suspension, reassignment)',
      role: 'legal_counsel',
      due: all(4 * H, 8 * H, DAY, null),
    },
    {
      key: 'care_for_affected',
      zh: '聯繫並關懷受影響者',
      en: 'Reach out to and support the people affected',
      role: 'cs_lead',
      due: all(4 * H, 8 * H, DAY, 2 * DAY),
    },
  ],
  offensive_content: [
    {
      key: 'take_down_content',
      zh: '下架爭議內容並保存原始版本',
      en: 'Take the content down and keep the original',
      role: 'marketing_lead',
      due: all(30, 60, 2 * H, 4 * H),
    },
    {
      key: 'review_approval',
      zh: '檢視內容審核流程並找出疏漏',
      en: 'Review the content approval process and find the gap',
      role: 'commander',
      due: all(DAY, DAY, 2 * DAY, 3 * DAY),
    },
  ],
  misinformation: [
    {
      key: 'collect_evidence',
      zh: '蒐集並保存不實訊息證據（截圖、網址、時間）',
      en: 'Collect and preserve evidence (screenshots, URLs, times)',
      role: 'scribe',
      due: all(30, 60, 2 * H, 4 * H),
    },
    {
      key: 'fact_check_post',
      zh: '發布澄清說明（事實查核文）',
      en: 'Publish a fact-check post',
      role: 'pr_lead',
      due: all(2 * H, 4 * H, 8 * H, DAY),
    },
    {
      key: 'report_to_platforms',
      zh: '向平台檢舉並聯繫事實查核機構',
      en: 'Report to the platforms and contact fact-checkers',
      role: 'marketing_lead',
      due: all(2 * H, 4 * H, 8 * H, DAY),
    },
    {
      key: 'legal_options',
      zh: '評估法律行動（如妨害名譽）',
      en: 'Assess legal action (e.g. defamation)',
      role: 'legal_counsel',
      due: all(DAY, DAY, 2 * DAY, null),
    },
  ],
  legal_regulatory: [
    {
      key: 'legal_assessment',
      zh: '評估法律責任與主管機關要求',
      en: 'Assess legal exposure and what the regulator requires',
      role: 'legal_counsel',
      due: all(2 * H, 4 * H, 8 * H, DAY),
    },
    {
      key: 'regulator_liaison',
      zh: '指定與主管機關聯繫的單一窗口',
      en: 'Name a single point of contact for the regulator',
      role: 'legal_counsel',
      due: all(4 * H, 8 * H, DAY, DAY),
    },
    {
      key: 'document_hold',
      zh: '保全相關文件與通訊紀錄',
      en: 'Put relevant documents and communications on hold',
      role: 'legal_counsel',
      due: all(4 * H, 8 * H, DAY, 2 * DAY),
    },
  ],
  partner_influencer: [
    {
      key: 'contact_partner',
      zh: '聯繫合作夥伴／網紅確認事實與立場',
      en: 'Contact the partner / influencer to confirm facts and stance',
      role: 'marketing_lead',
      due: all(60, 2 * H, 4 * H, DAY),
    },
    {
      key: 'review_contract',
      zh: '檢視合約條款（暫停合作、道德條款）',
      en: 'Review the contract (suspension, morals clause)',
      role: 'legal_counsel',
      due: all(4 * H, 8 * H, DAY, 2 * DAY),
    },
    {
      key: 'pause_collaboration',
      zh: '暫停相關合作內容與廣告投放',
      en: 'Pause the joint content and ads',
      role: 'marketing_lead',
      due: all(60, 2 * H, 4 * H, null),
    },
  ],
  other: [],
};

/** The default playbook for a crisis type at a level. */
export function defaultPlaybook(type: CrisisType, severity: Severity): Playbook {
  const roles = rolesByLevel[severity].slice();
  if (legalAlways.includes(type) && !roles.includes('legal_counsel')) roles.splice(2, 0, 'legal_counsel');
  // A task whose role is not filled at this level falls to the PR lead (or the commander for their own kind of work).
  const owner = (r: TeamRole): TeamRole => (roles.includes(r) ? r : r === 'executive_sponsor' ? 'commander' : 'pr_lead');
  const tasks: PlaybookTask[] = [];
  for (const s of [...common, ...specific[type]]) {
    const due = s.due[severity];
    if (due === null) continue;
    const checklist = s.checklist ?? checklists[s.key];
    tasks.push({
      key: s.key,
      title: { 'zh-TW': s.zh, en: s.en },
      role: owner(s.role),
      dueMinutes: due,
      ...(checklist ? { checklist: checklist.map((c) => ({ ...c })) } : {}),
    });
  }
  tasks.sort((a, b) => a.dueMinutes - b.dueMinutes);
  const page = roles.filter((r) => pagedByLevel[severity].includes(r));
  const notify = { page, inform: roles.filter((r) => !page.includes(r)) };
  return { type, severity, roles, tasks, notify, updateEveryHours: updateEveryHours[severity] };
}

/** The shipped playbook (the server's playbook-store applies the organisation's own when it has one). */
export function playbookFor(type: CrisisType, severity: Severity): Playbook {
  return defaultPlaybook(type, severity);
}
