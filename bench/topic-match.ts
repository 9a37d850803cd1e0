// Topic matching benchmark: 20 realistic topics (Chinese and English, OR groups, phrases, NOT, NEAR,
// prefixes) against ~200-character synthetic mentions on one core. Target: ≥ 50,000 texts/s with all
// 20 topics, i.e. ≥ 1M topic evaluations/s. Prints one JSON object. Run: node bench/topic-match.ts
import { performance } from 'node:perf_hooks';
import { matchRanges, matchTopic, parseTopicQuery, searchPlan, type TopicQuery } from '../src/features/monitoring/topic-query.ts';
import { normalise, warmNormaliser } from '../src/platform/text/normalise.ts';

const TOPICS = [
  '(鼎泰豐 OR "din tai fung" OR 鼎泰丰) AND (食安 OR 蟑螂 OR 拉肚子 OR "food poisoning") NOT 徵才',
  '"鼎泰豐" NEAR/10 (蟑螂 OR 食物中毒)',
  'apple AND (iphone OR ipad OR macbook) -fruit',
  '全聯 且 (漲價 或 缺貨 或 排隊)',
  '(星巴克 OR starbucks) AND (漲價 OR 抵制 OR boycott)',
  '(長榮 OR 華航 OR "china airlines" OR "eva air") AND (延誤 OR 罷工 OR delay* OR strike)',
  '台積電 OR tsmc OR "taiwan semiconductor"',
  '(麥當勞 OR mcdonald*) AND NOT (優惠 OR 折價券)',
  '"customer service" NEAR/5 (terrible OR awful OR worst)',
  '(蝦皮 OR shopee) AND (詐騙 OR 個資 OR 外洩 OR scam)',
  '(統一 OR 7-11 OR "seven eleven") AND (過期 OR 退貨 OR 客訴)',
  '(foodpanda OR "uber eats" OR 熊貓外送) AND (外送員 OR 車禍 OR 罷工)',
  '(中華電信 OR 台灣大哥大 OR 遠傳) AND (斷線 OR 當機 OR outage)',
  'tesla NEAR/8 (recall OR fire OR crash)',
  '(王品 OR 瓦城 OR 饗賓) AND (食安 OR 蟑螂 OR 衛生)',
  '(momo OR pchome OR 露天) AND (延遲出貨 OR 退款 OR 詐騙)',
  '(nike OR adidas) AND ("sweat shop" OR 血汗 OR boycott) -sale',
  '(義美 OR 光泉 OR 林鳳營) AND (塑化劑 OR 過期 OR 下架)',
  '(netflix OR disney+ OR "disney plus") AND (漲價 OR 退訂 OR cancel*)',
  '(高鐵 OR 台鐵) AND (誤點 OR 停駛 OR 事故)',
];

const ZH = [
  '今天去鼎泰豐吃小籠包，結果湯裡有蟑螂，真的很噁心',
  '全聯最近又漲價了，衛生紙還缺貨，排隊排了半小時',
  '星巴克新品其實還不錯，但是價格越來越貴',
  '長榮航空班機延誤三小時，地勤人員態度很好',
  '台積電法說會後股價大漲，外資持續買超',
  '麥當勞的新優惠券可以買一送一，大家快去',
  '蝦皮客服說會處理，但個資外洩的事情到現在都沒有回應',
  '7-11的便當過期還在賣，已經客訴了',
  '熊貓外送員在路口發生車禍，希望他沒事',
  '中華電信今天下午網路斷線，整個辦公室都不能工作',
  '王品集團旗下餐廳被衛生局抽查，結果合格',
  'momo購物網延遲出貨一個禮拜，退款也很慢',
  '义美的产品被检验出塑化剂，已经全面下架',
  '高铁今天因为设备故障误点了二十分钟',
  '天氣很好，大家出門記得擦防曬，週末去爬山吧',
  '這部電影的配樂非常好聽，推薦給大家',
];
const EN = [
  'The customer service at this store was absolutely terrible and nobody helped us',
  'Apple announced a new iPhone and iPad lineup today with better battery life',
  'Tesla issues a recall for thousands of cars after reports of a fire risk',
  'Netflix raises prices again, many users say they will cancel their subscription',
  'TSMC reports record revenue as demand for advanced chips keeps growing',
  'Had lunch at Din Tai Fung, the dumplings were great as always',
  'Nike faces boycott calls over sweat shop allegations in its supply chain',
  'EVA Air flight delayed by two hours because of weather in Tokyo',
];

let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];

/** A ~200-character mention: mostly Chinese, some English, some mixed. */
function makeText(): string {
  let s = '';
  const english = rand() < 0.3;
  while (s.length < 180) s += english ? `${pick(EN)}. ` : rand() < 0.15 ? `${pick(EN)}。` : `${pick(ZH)}。`;
  return s.slice(0, 220);
}

function timeIt(fn: () => void, minMs: number): { ms: number; rounds: number } {
  let rounds = 0;
  const t0 = performance.now();
  do {
    fn();
    rounds++;
  } while (performance.now() - t0 < minMs);
  return { ms: performance.now() - t0, rounds };
}

warmNormaliser();
const parseAll = (): TopicQuery[] =>
  TOPICS.map((src) => {
    const r = parseTopicQuery(src);
    if (!r.ok) throw new Error(`${src}: ${JSON.stringify(r.errors)}`);
    return r.query;
  });
const queries = parseAll(); // also builds the character-class table once
const parse = timeIt(parseAll, 500);
const parseUs = (parse.ms * 1000) / (parse.rounds * TOPICS.length);

const N = 20_000;
const raw = Array.from({ length: N }, makeText);
const norm = timeIt(() => raw.map(normalise), 500);
const texts = raw.map(normalise);

let hits = 0;
const evaluate = () => {
  hits = 0;
  for (const t of texts) for (const q of queries) if (matchTopic(q, t)) hits++;
};
evaluate(); // warm-up
const run = timeIt(evaluate, 3000);
const textsPerSec = (N * run.rounds) / (run.ms / 1000);

const matched = texts.flatMap((t) => queries.filter((q) => matchTopic(q, t)).map((q) => [q, t] as const)).slice(0, 5000);
const ranges = timeIt(() => {
  for (const [q, t] of matched) matchRanges(q, t);
}, 1000);

console.log(
  JSON.stringify(
    {
      bench: 'topic-match',
      node: process.version,
      topics: queries.length,
      texts: N,
      avgChars: Math.round(texts.reduce((a, t) => a + t.length, 0) / N),
      matchRate: Math.round((hits / (N * queries.length)) * 10000) / 10000,
      textsPerSec: Math.round(textsPerSec),
      topicEvaluationsPerSec: Math.round(textsPerSec * queries.length),
      target: { textsPerSec: 50_000, met: textsPerSec >= 50_000 },
      parseMicrosPerTopic: Math.round(parseUs * 10) / 10,
      normaliseTextsPerSec: Math.round((N * norm.rounds) / (norm.ms / 1000)),
      matchRangesPerSec: Math.round((matched.length * ranges.rounds) / (ranges.ms / 1000)),
      searchPlanExample: { query: TOPICS[0], plan: searchPlan(queries[0]) },
    },
    null,
    2,
  ),
);
