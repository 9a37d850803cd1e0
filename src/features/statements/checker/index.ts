// The legal-risk checker (法律風險評估): flags wording in a statement by the categories of
// STATEMENT-RISKS.md. Isomorphic — the web app runs it as you type, the server when a version is saved —
// so it has no Node imports, no database and no network.
import { normalise } from '../../../platform/text/normalise.ts';
import { type CategoryInfo, categoryInfo, type MessageLocale, type RiskCategory, riskCategories } from './categories.ts';
import { dropConcededBlame } from './conceded.ts';
import { compileRules, type RawFinding, runRules, Sentences } from './engine.ts';
import { type FactsInput, findFactConflicts } from './facts.ts';
import { type ModelData, runModel } from './model.ts';
import { findPersonalData, personalDataMessage } from './personal-data.ts';
import { withPromiseSpan } from './promise-span.ts';
import { enRules } from './rules-en.ts';
import { familyRules } from './rules-families.ts';
import { familyRules2 } from './rules-families-2.ts';
import { structureRules } from './rules-structure.ts';
import { structureRules2 } from './rules-structure-2.ts';
import { structureRules3 } from './rules-structure-3.ts';
import { structureRules4, structureRules4b } from './rules-structure-4.ts';
import { zhRules } from './rules-zh.ts';
import { isValidTaiwanId } from './taiwan-id.ts';

export type { CategoryInfo, FactsInput, MessageLocale, RiskCategory };
export { categoryInfo, isValidTaiwanId, riskCategories };

export type CheckLang = 'zh-TW' | 'zh-CN' | 'en';
export type Finding = {
  category: RiskCategory;
  /** Stable id of the rule that fired, e.g. 'pii.tw_id', 'absolute.never_again'. */
  rule: string;
  /** UTF-16 offsets into the input, end exclusive. */
  start: number;
  end: number;
  excerpt: string;
  message: string;
  suggestion: string;
  law?: string;
  /** inconsistent_fact: what it contradicts. */
  ref?: { text: string; source: 'fact' | 'statement'; index: number };
};
export type CheckOptions = {
  lang?: CheckLang | 'auto';
  facts?: FactsInput;
  locale?: MessageLocale;
  /**
   * An experimental learned layer (scripts/train-checker-model.ts) run beside the rules; none by default — measured
   * at stop 17 it traded precision for recall on the holdout and fired on negated hard negatives (ARCHITECTURE.md).
   */
  model?: ModelData | null;
};

let compiled: ReturnType<typeof compileRules> | undefined;

/** Simplified-only characters minus Traditional ones (those normalise() folds). */
function hasSimplifiedOnly(text: string, norm: string): number {
  let simplified = 0;
  let traditional = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) continue;
    if (norm.charCodeAt(i) !== c) traditional++;
    else if (SIMPLIFIED.has(c)) simplified++;
  }
  return simplified - traditional;
}
/** Frequent characters that exist only in Simplified Chinese (their Traditional forms differ). */
const SIMPLIFIED = new Set(
  Array.from(
    '们这为说时会来个对发过还进动没经问题长样现关见点开给让请认东车书买卖网应该导实处产业务报价钱气门间风飞马鸟鱼边从众传伤体优养军农决况凤击则刚创别办劳势区协单变号吗员团园围图场块坏坚备头夺奋学宁宝审宽层岁帅师带帮广库态总恶惩战户扩执护担拥择损换据摄无旧显条极构检欢毕汉汤沟泪测浓涨温湾灭灯灵烦热爱环电画畅疗皱盘确离种积称稳窝竞笔签简类红约级纪纯纸线练组细终结统绝继续维综绿罗职联肃肤胜脑节苏荣药获虑虽补装观规视览觉讨训议记讲许论设访证评识诉词译试诚话询详语误诸读调谁谈谢谣负质贵费资赔赶转软轻较辑输辩达迁运远违连迟适选递逻遗邮郑释钟钢错闭闯闲闻阅队际陆险隐随难雾静韩页顶项顺须顾顿预领频额饭馆验鸡黄齐齿龙',
    (ch) => ch.charCodeAt(0),
  ),
);

/** Detects the language from the script: Latin only → en; Simplified-only characters outweighing Traditional ones → zh-CN. */
export function detectLang(text: string, norm = normalise(text)): CheckLang {
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) cjk++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  if (cjk === 0 || latin > cjk * 4) return 'en';
  return hasSimplifiedOnly(text, norm) > 0 ? 'zh-CN' : 'zh-TW';
}

/** Findings of one category that overlap or sit a few characters apart in one sentence become one span (one highlight). */
function dedupe(raw: RawFinding[], text: string): RawFinding[] {
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RawFinding[] = [];
  const lastByCategory = new Map<RiskCategory, RawFinding>();
  for (const f of raw) {
    const last = lastByCategory.get(f.category);
    if (
      last &&
      (f.start < last.end ||
        (f.category !== 'personal_data' && f.start - last.end <= 12 && !/[。.!?！？;；\n]/.test(text.slice(last.end, f.start))))
    ) {
      if (f.end > last.end) last.end = f.end;
      continue;
    }
    const copy = { ...f };
    out.push(copy);
    lastByCategory.set(f.category, copy);
  }
  return out;
}

function factMessage(draft: string, ref: { source: 'fact' | 'statement'; excerpt: string }, locale: MessageLocale): string {
  if (locale === 'en') {
    const where = ref.source === 'fact' ? 'the fact sheet' : 'an earlier approved statement';
    // A quoted fact that ends its own sentence ("… 6:42 a.m.") needs no second full stop.
    return `The draft says ${draft}; ${where} says ${ref.excerpt}${/[.!?]$/.test(ref.excerpt) ? '' : '.'}`;
  }
  const where = ref.source === 'fact' ? '事實表' : '先前核准的聲明';
  return `草稿寫「${draft}」，${where}寫「${ref.excerpt}」。`;
}

/** Checks a statement: every rule set runs on every text; `lang` only picks the default message locale. */
export function checkStatement(text: string, options: CheckOptions = {}): { lang: CheckLang; findings: Finding[] } {
  const norm = normalise(text);
  const lang = !options.lang || options.lang === 'auto' ? detectLang(text, norm) : options.lang;
  const locale: MessageLocale = options.locale ?? (lang === 'en' ? 'en' : 'zh-TW');
  if (!text.trim()) return { lang, findings: [] };
  compiled ??= compileRules(
    withPromiseSpan([
      ...zhRules,
      ...enRules,
      ...familyRules,
      ...familyRules2,
      ...structureRules,
      ...structureRules2,
      ...structureRules3,
      ...structureRules4,
      ...structureRules4b,
    ]),
  );
  const ruled = [...dropConcededBlame(norm, runRules(compiled, norm, new Sentences(norm))), ...findPersonalData(norm, text)];
  // The model adds a clause only where no rule of the same category already flagged something in it.
  const model = options.model ?? null;
  const learned: RawFinding[] = model
    ? runModel(model, norm)
        .filter((m) => !ruled.some((r) => r.category === m.category && r.start < m.end && m.start < r.end))
        .map((m) => ({ category: m.category, rule: `model.${m.category}`, start: m.start, end: m.end }))
    : [];
  const raw = dedupe([...ruled, ...learned], text);
  const findings: Finding[] = raw.map((r) => {
    const info = categoryInfo(r.category, locale);
    const excerpt = text.slice(r.start, r.end);
    const message = (r.category === 'personal_data' && personalDataMessage(r.rule, excerpt, locale)) || info.why;
    return {
      category: r.category,
      rule: r.rule,
      start: r.start,
      end: r.end,
      excerpt,
      message,
      suggestion: info.safer,
      ...(info.law ? { law: info.law } : {}),
    };
  });
  const info = categoryInfo('inconsistent_fact', locale);
  for (const c of findFactConflicts(text, norm, options.facts)) {
    findings.push({
      category: 'inconsistent_fact',
      rule: c.rule,
      start: c.start,
      end: c.end,
      excerpt: text.slice(c.start, c.end),
      message: factMessage(c.draft, c.ref, locale),
      suggestion: info.safer,
      ref: { text: c.ref.text, source: c.ref.source, index: c.ref.index },
    });
  }
  const order = (c: RiskCategory) => riskCategories.indexOf(c);
  findings.sort((a, b) => a.start - b.start || order(a.category) - order(b.category) || a.end - b.end);
  return { lang, findings };
}
