// Deterministic synthetic mentions for benchmarks: Traditional/Simplified Chinese and English posts
// about brands, with complaints, praise and chatter, and 10% near-duplicate reposts of earlier posts.

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
const zhClauses = [
  '今天去{b}吃飯，服務態度真的很差，等了一個小時才上菜',
  '{b}的新品超好吃，CP值很高，推薦大家去試試',
  '聽說{b}被爆出食安問題，有人吃到蟑螂，衛生局已經介入調查',
  '{b}客服完全不處理問題，打了三次電話都推給別人，雷到爆',
  '{b}這次的活動辦得不錯，店員很親切，下次還會再來',
  '網友爆料{b}員工態度惡劣，影片已經在Dcard瘋傳',
  '{b}漲價了，一份多了二十塊，薪水都沒漲東西一直漲',
  '剛剛經過{b}，排隊排到外面，到底在排什麼',
  '{b}的退款流程太複雜了，等了兩個禮拜還沒收到錢',
  '支持{b}！這次危機處理得很快，道歉也很有誠意',
  '{b}门市的卫生状况堪忧，桌子都是油，不会再去了',
  '{b}的外送慢到不行，餐點送到都冷掉了',
];
const enClauses = [
  'Terrible experience at {b} today, the staff were rude and the food was cold.',
  'Just tried the new menu at {b}, absolutely loved it! Highly recommend.',
  'Reports say {b} is under investigation after customers got sick. Stay safe everyone.',
  '{b} customer service is a joke, three calls and still no refund.',
  'Shoutout to {b} for handling the recall so quickly and honestly.',
  'Is it just me or did {b} raise prices again? Not worth it anymore.',
];
const tails = ['', '', '', ' #爆料', ' 大家評評理', ' 附圖', ' 有人也遇過嗎？', ' 😡', ' 👍', ' 轉發給大家', ' 好扯', ' lol', ' smh'];

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

/** Generates `count` push items; about 10% are reposts of earlier items with small edits. */
export function syntheticMentions(count: number, seed: number) {
  const r = rng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const out: Array<Record<string, unknown>> = [];
  const texts: string[] = [];
  const base = Date.now() - 7 * 86_400_000;
  for (let i = 0; i < count; i++) {
    let text: string;
    if (i > 10 && r() < 0.1) {
      text = `${pick(['轉貼：', 'RT ', '看到這篇 ', ''])}${texts[Math.floor(r() * texts.length)]}${pick(tails)}`;
    } else if (r() < 0.75) {
      const n = 1 + Math.floor(r() * 3);
      text = Array.from({ length: n }, () => pick(zhClauses).replace('{b}', pick(brandsZh))).join('，') + pick(tails);
    } else {
      const n = 1 + Math.floor(r() * 2);
      text = Array.from({ length: n }, () => pick(enClauses).replace('{b}', pick(brandsEn))).join(' ') + pick(tails);
    }
    texts.push(text);
    out.push({
      source: pick(['ptt', 'dcard', 'threads', 'news', 'youtube']),
      externalId: `s${seed}-${i}`,
      url: `https://example.com/post/${seed}/${i}`,
      author: `user${Math.floor(r() * 5000)}`,
      authorFollowers: Math.floor(r() * r() * 50_000),
      text,
      publishedAt: new Date(base + Math.floor(r() * 7 * 86_400_000)).toISOString(),
      metrics: { likes: Math.floor(r() * 200), shares: Math.floor(r() * 20), comments: Math.floor(r() * 50) },
    });
  }
  return out;
}
