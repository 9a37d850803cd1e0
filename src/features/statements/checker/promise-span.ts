// The span rule for guarantees: a promise covers its promising verb, the absolute and what is promised
// (「保證絕不再發生」, "We guarantee this will never happen again"), as the dataset README's span rule says.
import type { PhraseRule } from './engine.ts';

/** A promising verb that introduces an absolute, earlier in the same sentence (not when negated: 無法保證). */
const PROMISE_LEAD = `(?:(?<!無法|不能|不敢|難以|沒辦法|並未|沒有)(?:保證|擔保)|(?:鄭重|在此)?(?:承諾|宣示)|有把握|發誓|立誓|拍胸脯|打包票|rest assured|\\b(?:we|i) (?:can |hereby |firmly |solemnly |fully |absolutely |personally )?(?:guarantee|promise|assure you|pledge|vow|swear)\\b|\\byou have (?:our|my) word\\b)~40$`;
/** What a "never again" promises: the event that will not recur (再發生, 再有類似情形, "happen again"). */
const NEVER_TAIL_ZH = '^@10?(?:發生|出現|重演|重蹈覆轍|犯錯|犯|出錯|出包|(?:事|情形|情況|狀況|問題|事件|錯誤|疏失)(?:發生)?)';
const NEVER_TAIL_EN = "^(?: [\\w'’-]+){0,6}? again\\b";

/** Gives every absolute-promise rule the promise span: lead back to the promising verb; never-again rules also take their tail. */
export function withPromiseSpan(rules: readonly PhraseRule[]): PhraseRule[] {
  return rules.map((r) => {
    if (r.category !== 'absolute_promise') return r;
    const neverZh = r.id === 'absolute.never_again' || r.id === 'absolute.idiom' || r.id === 'absolute.vouch';
    const neverEn = r.id === 'absolute.never_again' || r.id === 'absolute.no_one_ever' || r.id === 'absolute.guarantee';
    const zh = /[\u3400-\u9fff]/.test(r.re);
    const tail = r.tail ?? (zh && neverZh ? NEVER_TAIL_ZH : !zh && neverEn ? NEVER_TAIL_EN : undefined);
    return { ...r, lead: r.lead ?? PROMISE_LEAD, ...(tail ? { tail } : {}) };
  });
}
