// Findings whose sentence says the opposite of what the matched words say.
//
// A cause named only to be conceded: 「不管問題出在代工廠還是物流，對顧客負責的都是我們」, "whether the fault lay with
// the courier or the warehouse, putting it right is on us". Whatever blame rule matched the named cause, the sentence
// owns the fault, so a blame_shifting finding inside the concession is dropped (one check for every blame rule,
// instead of the same exception on each of them). Likewise a liability that someone else demands of the organisation.
import { normalise } from '../../../platform/text/normalise.ts';
import type { RawFinding } from './engine.ts';

const c = (s: string) => new RegExp(normalise(s));
/** The concession opens before the finding, in the same sentence. */
const OPENS = c(
  '(?:不管|不論|無論|即使|就算|哪怕|\\bno matter (?:whether|if|who|what)|\\bwhether (?:it was|the fault|the cause|the problem))[^。.!?;\\n]{0,12}$',
);
/** …and the sentence ends with the organisation owning it. */
const OWNS = c(
  '負責的(?:都|就|還|仍|終究)?是(?:我們|本公司|我司|我方)|(?:都|仍|還是|終究)(?:由|是)(?:我們|本公司|我司|我方)(?:負責|承擔|的責任)|責任(?:都|仍|還是)?在(?:我們|本公司|我司|我方)|(?:我們|本公司|我司|我方|公司)(?:也|仍|還是|都|照樣)(?:會|將)(?:先行|全額|全數|主動){0,2}(?:賠付|賠償|負責|承擔|退款|退費|處理)|\\b(?:is|are|remains?) (?:on us|ours|our responsibility)\\b|\\bwe (?:are|remain) responsible\\b|\\bwe (?:will|shall) (?:still|nonetheless|nevertheless) (?:refund|pay|compensate|replace|cover)\\b',
);

/** 「對方要求本公司承擔全部法律責任」, "they demand that we accept liability": someone else's demand, not an admission. */
const DEMANDED = c(
  '(?:要求|逼|逼迫|主張|請求|指稱|聲稱|訴請)(?:我們|本公司|我方|我司|公司|本[\\u3400-\\u9fff]{1,3})?[^。.!?;,\\n]{0,4}$|\\b(?:demand(?:s|ed|ing)?|insist(?:s|ed)?|claim(?:s|ed)?|want(?:s|ed)?) (?:that )?(?:we|us|the company)(?: to| should| must)? $',
);

export function dropConcededBlame(norm: string, findings: RawFinding[]): RawFinding[] {
  return findings.filter((f) => {
    if (f.category === 'liability_admission') return !DEMANDED.test(norm.slice(Math.max(0, f.start - 16), f.start));
    if (f.category !== 'blame_shifting') return true;
    let s = f.start;
    while (s > 0 && f.start - s < 80 && !'。.!?;\n'.includes(norm[s - 1])) s--;
    let e = f.end;
    while (e < norm.length && e - f.end < 120 && !'。.!?;\n'.includes(norm[e])) e++;
    return !(OPENS.test(norm.slice(s, f.start)) && OWNS.test(norm.slice(s, e)));
  });
}
