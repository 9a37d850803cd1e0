// Deterministic synthetic mentions (benchmarks and the demo feed): Traditional/Simplified Chinese and
// English posts about brands, with complaints, praise and chatter, and ~10% near-duplicate reposts.

/** A seeded PRNG (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const brandsZh = ['鼎泰豐', '全聯', '85度C', '王品', '統一超商', '中華電信', '長榮航空', '台積電', '寶雅', '家樂福', '星巴克', '麥當勞'];
const brandsEn = ['Din Tai Fung', 'PX Mart', 'EVA Air', 'Starbucks', "McDonald's", 'TSMC', 'Chunghwa Telecom', 'Carrefour'];
const when = ['今天', '昨天晚上', '剛剛', '上週末', '中午', '早上', '前天', '這個月', '連假期間', '下班後'];
const where = [
  '信義',
  '板橋',
  '西門町',
  '台中公益路',
  '高雄巨蛋',
  '新竹站前',
  '台南中西區',
  '桃園機場',
  '淡水',
  '內湖',
  '林口',
  '南港',
  '永和',
  '三重',
  '竹北',
  '員林',
];
const what = [
  '排隊等了{n}分鐘',
  '點了{n}份套餐',
  '退貨申請第{n}次',
  '客服電話打了{n}通',
  '外送慢了{n}分鐘',
  '價格漲了{n}元',
  '發票金額多算了{n}元',
  '店裡只有{n}個店員',
];
const negative = [
  '服務態度真的很差',
  '完全不處理問題',
  '吃到蟑螂',
  '東西都冷掉了',
  '雷到爆',
  '衛生狀況堪憂',
  '被當成奧客',
  '再也不會去了',
  '主管還推卸責任',
  '退款遲遲沒下來',
];
const positive = ['店員很親切', 'CP值很高', '處理得很快', '道歉很有誠意', '新品超好吃', '環境很乾淨', '下次還會再來', '推薦給大家'];
const chatter = [
  '不知道大家覺得怎樣',
  '有人也遇過嗎',
  '附上照片',
  '已經報衛生局了',
  '影片在Dcard瘋傳',
  '新聞也有報',
  '朋友也說一樣',
  '先記錄一下',
];
const enWhen = ['Today', 'Last night', 'This morning', 'Over the weekend', 'Yesterday', 'Just now'];
const enWhat = [
  'waited {n} minutes',
  'ordered {n} meals',
  'called support {n} times',
  'paid {n} dollars more',
  'got my refund after {n} days',
];
const enNeg = [
  'the staff were rude',
  'the food was cold',
  'customer service is a joke',
  'someone got sick',
  'prices went up again',
  'never going back',
];
const tails = ['', '', '', ' #爆料', ' 大家評評理', ' 附圖', ' 有人也遇過嗎？', ' 😡', ' 👍', ' 轉發給大家', ' 好扯', ' lol', ' smh'];
const enPos = ['loved the new menu', 'staff were super friendly', 'they fixed it fast', 'great value', 'highly recommend it'];
/** The 20 topic queries used by the ingest benchmark. */
export const topicQueries = [
  ...brandsZh.slice(0, 8).map((b) => `"${b}"`),
  '(鼎泰豐 OR "din tai fung") AND (蟑螂 OR 食安 OR "got sick")',
  '全聯 AND (漲價 OR 缺貨)',
  '(客服 OR "customer service") NOT 支持',
  '(蟑螂 OR 食安 OR 衛生局) NOT 徵才',
  '"eva air" OR 長榮航空',
  'starbucks OR 星巴克',
  '退款 OR refund',
  '(態度 NEAR/5 差) OR rude',
  '漲價 OR "raise prices"',
  'Dcard AND 瘋傳',
  '(外送 OR 外送員) AND (慢 OR 冷掉)',
  '道歉 OR recall',
];

/** Choices for one generated mention: when it was published and how likely a complaint is (default 0.6). */
export type SyntheticOptions = { publishedAt?: Date; negativeShare?: number };

/**
 * A generator of push items, one at a time. Without options, `next(i)` is exactly the benchmark sequence
 * (times spread over the 7 days before `base`); the demo feed passes its own time and negative share.
 */
export function createSyntheticWriter(seed: number, base = Date.now() - 7 * 86_400_000) {
  const r = rng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const texts: string[] = [];
  return {
    random: r,
    pick,
    /** A repost (copy with a small edit) of one of the texts generated so far. */
    repost: (text?: string) => `${pick(['轉貼：', 'RT ', '看到這篇 ', ''])}${text ?? texts[Math.floor(r() * texts.length)]}${pick(tails)}`,
    next(i: number, opts: SyntheticOptions = {}): Record<string, unknown> {
      const neg = opts.negativeShare ?? 0.6;
      let text: string;
      const num = () => String(2 + Math.floor(r() * 90));
      if (i > 10 && r() < 0.1) {
        text = `${pick(['轉貼：', 'RT ', '看到這篇 ', ''])}${texts[Math.floor(r() * texts.length)]}${pick(tails)}`;
      } else if (r() < 0.75) {
        const mood = r() < neg ? negative : positive;
        const parts = [`${pick(when)}去${pick(brandsZh)}${pick(where)}店`, pick(what).replace('{n}', num()), pick(mood), pick(mood)];
        if (r() < 0.6) parts.push(pick(chatter));
        if (r() < 0.4) parts.push(`${pick(what).replace('{n}', num())}，${pick(mood)}`);
        text = parts.join('，') + pick(tails);
      } else {
        const mood = r() < neg ? enNeg : enPos;
        text = `${pick(enWhen)} at ${pick(brandsEn)}: ${pick(enWhat).replace('{n}', num())}, ${pick(mood)}. ${r() < 0.5 ? `Also ${pick(mood)}.` : ''}${pick(tails)}`;
      }
      texts.push(text);
      return {
        source: pick(['ptt', 'dcard', 'threads', 'news', 'youtube']),
        externalId: `s${seed}-${i}`,
        url: `https://example.com/post/${seed}/${i}`,
        author: `user${Math.floor(r() * 5000)}`,
        authorFollowers: Math.floor(r() * r() * 50_000),
        text,
        publishedAt: (opts.publishedAt ?? new Date(base + Math.floor(r() * 7 * 86_400_000))).toISOString(),
        metrics: { likes: Math.floor(r() * 200), shares: Math.floor(r() * 20), comments: Math.floor(r() * 50) },
      };
    },
  };
}

/** Generates `count` push items; about 10% are reposts of earlier items with small edits. */
export function syntheticMentions(count: number, seed: number) {
  const w = createSyntheticWriter(seed);
  return Array.from({ length: count }, (_, i) => w.next(i));
}
