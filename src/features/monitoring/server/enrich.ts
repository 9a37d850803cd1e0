// Understanding one mention before it is stored: normalised text, language, sentiment, reach,
// duplicate fingerprints, search tokens and the topics it matches.
import crypto from 'node:crypto';
import { normalise } from '../../../platform/text/normalise.ts';
import { tsvectorLiteral } from '../../../platform/text/tokenise.ts';
import type { MentionInput } from '../contract.ts';
import { classify } from './sentiment/model.ts';
import { simhash } from './simhash.ts';
import type { CompiledTopic } from './topics-cache.ts';

/** A validated mention with everything derived from it, ready for the bulk insert. */
export type EnrichedMention = {
  input: MentionInput;
  externalKey: string;
  normalised: string;
  lang: string;
  sentiment: -1 | 0 | 1;
  sentimentScore: number;
  sentimentConfidence: number;
  reach: number;
  textHash: string;
  simhash: bigint;
  search: string;
  topicIds: string[];
  publishedAt: Date;
};

const POLARITY = { negative: -1, neutral: 0, positive: 1 } as const;

/**
 * Estimated reach: the views a source reports, else a share of the author's followers plus
 * engagement (each like or comment ≈ 10 people, each share ≈ 50). An estimate, labelled as one in the UI.
 */
export function estimateReach(m: Pick<MentionInput, 'authorFollowers' | 'metrics'>): number {
  const views = m.metrics?.views;
  if (views !== undefined) return Math.round(views);
  const followers = m.authorFollowers ?? 0;
  const { likes = 0, comments = 0, shares = 0 } = m.metrics ?? {};
  return Math.max(1, Math.round(followers * 0.1 + (likes + comments) * 10 + shares * 50));
}

/** The text a mention is matched, searched and scored on: its title (if any) and its text. */
export function fullText(m: { title?: string | null; text: string }): string {
  return m.title ? `${m.title}\n${m.text}` : m.text;
}

/** What is stored derived from a mention's normalised text: its hash (duplicates), simhash (clusters), search vector. */
export function derivedOf(normalised: string): { textHash: string; simhash: bigint; search: string } {
  return {
    textHash: crypto.createHash('sha256').update(normalised).digest('hex').slice(0, 32),
    simhash: simhash(normalised),
    search: tsvectorLiteral(normalised),
  };
}

/** Derives everything the pipeline stores about a mention. */
export function enrichMention(input: MentionInput, topics: CompiledTopic[]): EnrichedMention {
  const full = fullText(input);
  const normalised = normalise(full);
  const s = classify(full, normalised); // also detects the language, from the same pass
  return {
    input,
    externalKey: input.externalId ?? (input.url as string),
    normalised,
    lang: input.lang ?? s.lang,
    sentiment: POLARITY[s.sentiment],
    sentimentScore: s.score,
    sentimentConfidence: s.confidence,
    reach: estimateReach(input),
    ...derivedOf(normalised),
    topicIds: topics.filter((t) => t.matches(normalised)).map((t) => t.id),
    publishedAt: new Date(input.publishedAt),
  };
}
