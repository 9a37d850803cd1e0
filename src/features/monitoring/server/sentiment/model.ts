// Sentiment of a mention: the shipped Chinese model (character n-grams of the normalised text) and the
// English/emoji lexicon, combined by how much of the text each one reads. Loads the model once, lazily.
import fs from 'node:fs';
import path from 'node:path';
import { normalise } from '../../../../platform/text/normalise.ts';
import { countScripts, type Lang, languageOf } from '../language.ts';
import { keyHash, keyOfNormalised } from './data.ts';
import { scoreLexicon } from './english.ts';
import { createExtractor } from './features.ts';
import { decodeModel, type ModelData, type ModelHeader } from './model-file.ts';

/** One classification, as the API and `firebreak classify` report it. */
export type SentimentResult = {
  sentiment: 'negative' | 'neutral' | 'positive';
  /** In [−1, 1]; the sign is the polarity (2·P(positive) − 1 for Chinese). */
  score: number;
  /** In [0, 1]: for a polar label the estimated probability that the polarity is right; see MODEL_CARD.md. */
  confidence: number;
  lang: Lang;
};

/** The shipped model file. */
export const DEFAULT_MODEL_PATH = path.resolve(import.meta.dirname, '../../../../../models/sentiment-zh.model.gz');

/** English lexicon: below this |compound| a text is neutral (one weak word such as "want" is not enough). */
export const LEXICON_NEUTRAL_BAND = 0.3;

/** A loaded classifier. */
export type Classifier = { header: ModelHeader; classify: (text: string, normalised?: string) => SentimentResult };

const round = (x: number) => Math.round(x * 10000) / 10000;

/** Makes a classifier from a decoded model. */
export function createClassifier(model: ModelData): Classifier {
  const { header, weights } = model;
  const extract = createExtractor(header.spec);
  const { a, b } = header.calibration;
  const overrides = new Map(Object.entries(header.overrides ?? {}));
  const OVERRIDE_SCORE = { negative: -1, neutral: 0, positive: 1 } as const;

  /** Calibrated P(positive) of the Chinese model, or undefined if it knows none of the text's n-grams. */
  function chineseProbability(normalised: string): number | undefined {
    const feats = extract(normalised);
    let sum = 0;
    let known = 0;
    for (let k = 0; k < feats.length; k++) {
      const w = weights[feats[k]];
      if (w !== 0) {
        sum += w;
        known++;
      }
    }
    if (known === 0) return undefined;
    const raw = header.bias + (header.scale * sum) / (header.lengthNorm ? Math.sqrt(feats.length) : 1);
    return 1 / (1 + Math.exp(-(a * raw + b)));
  }

  // `given`: the caller's normalise(text), when it has it already (the ingest pipeline does).
  function classify(text: string, given?: string): SentimentResult {
    const counts = countScripts(text);
    const lang = languageOf(counts);
    let normalised = given;
    if (overrides.size > 0) {
      normalised ??= normalise(text);
      const corrected = overrides.get(keyHash(keyOfNormalised(normalised)));
      if (corrected) return { sentiment: corrected, score: OVERRIDE_SCORE[corrected], confidence: 1, lang };
    }
    // Each side: score in [−1, 1], weight (how much of the text it reads), neutral band, and P(positive)-like confidence.
    let wSum = 0;
    let scoreSum = 0;
    let bandSum = 0;
    let pSum = 0;
    if (counts.han > 0 && lang !== 'ja' && lang !== 'ko') {
      const p = chineseProbability(normalised ?? normalise(text));
      if (p !== undefined) {
        const w = counts.han;
        wSum += w;
        scoreSum += w * (2 * p - 1);
        bandSum += w * header.neutralBand;
        pSum += w * p;
      }
    }
    const lex = scoreLexicon(text);
    if (lex.hits > 0) {
      const w = 2 * Math.max(lex.words, lex.hits);
      wSum += w;
      scoreSum += w * lex.compound;
      bandSum += w * LEXICON_NEUTRAL_BAND;
      pSum += w * (0.5 + 0.45 * lex.compound); // uncalibrated: the lexicon has no training data here
    }
    if (wSum === 0) return { sentiment: 'neutral', score: 0, confidence: 0.5, lang };
    const score = scoreSum / wSum;
    const p = pSum / wSum;
    if (Math.abs(score) < bandSum / wSum)
      return { sentiment: 'neutral', score: round(score), confidence: round(1 - Math.abs(score)), lang };
    return score > 0
      ? { sentiment: 'positive', score: round(score), confidence: round(p), lang }
      : { sentiment: 'negative', score: round(score), confidence: round(1 - p), lang };
  }

  return { header, classify };
}

/** Reads and decodes a model file. */
export function loadClassifier(file: string = DEFAULT_MODEL_PATH): Classifier {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new Error(`Cannot read the sentiment model ${file}: ${(e as Error).message}. Run \`firebreak sentiment train\` to build it.`);
  }
  return createClassifier(decodeModel(bytes));
}

let shared: Classifier | undefined;

/** Classifies one text with the shipped model (loaded on first use); pass normalise(text) if you have it. */
export function classify(text: string, normalised?: string): SentimentResult {
  shared ??= loadClassifier();
  return shared.classify(text, normalised);
}
