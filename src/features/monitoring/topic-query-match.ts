// Topic query matcher: compiles a parsed query once into closures over normalised text. A term is
// an indexOf with word-boundary checks for Latin words; NEAR/n counts tokens (one CJK character or
// one word) between occurrences of its two sides.
import type { TopicNode, TopicTermNode } from './topic-query-ast.ts';
import { CJK, classAt, classBefore, isSpaceCode, JOINER, tokenStartCounts, WORD, wordMayStartAt } from './topic-query-chars.ts';

/**
 * A term or phrase ready for searching: pieces found in order, `spaced[k]` = piece k needs whitespace
 * before it (otherwise any whitespace, or none, is allowed: next to CJK characters).
 */
export type Leaf = { pieces: string[]; spaced: boolean[]; left: boolean; right: boolean; prefix: boolean };

/** Tests a normalised text. */
export type Test = (text: string) => boolean;
/** Tests a normalised text and pushes [start, end) pairs of the positive matches that made it match. */
export type Collect = (text: string, out: number[]) => boolean;

const MAX_RANGES = 2000;

/** Splits a run at changes between CJK and letters/digits (so 買iPhone also matches 買 iPhone). */
function splitScripts(chunk: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i < chunk.length; i++) {
    const a = classBefore(chunk, i);
    const b = classAt(chunk, i);
    if ((a === CJK && b === WORD) || (a === WORD && b === CJK)) {
      out.push(chunk.slice(start, i));
      start = i;
    }
  }
  out.push(chunk.slice(start));
  return out;
}

/** Compiles a term or phrase node. */
export function compileLeaf(term: TopicTermNode): Leaf {
  const pieces: string[] = [];
  const spaced: boolean[] = [];
  for (const chunk of term.value.split(' ')) {
    if (!chunk) continue;
    const prev = pieces[pieces.length - 1];
    spaced.push(prev !== undefined && classBefore(prev, prev.length) !== CJK && classAt(chunk, 0) !== CJK);
    for (const [k, piece] of splitScripts(chunk).entries()) {
      if (k > 0) spaced.push(false);
      pieces.push(piece);
    }
  }
  const first = pieces[0] ?? '';
  let i = 0;
  while (classAt(first, i) === JOINER) i++;
  const last = pieces[pieces.length - 1] ?? '';
  const left = classAt(first, i) === WORD;
  const right = !term.prefix && classBefore(last, last.length) === WORD;
  return { pieces, spaced, left, right, prefix: term.prefix };
}

// End of the last match found by findLeaf (single-threaded: read right after the call).
let foundEnd = 0;

/** Start of the first occurrence of the leaf at or after `from` (-1 if none); its end goes to foundEnd. */
export function findLeaf(leaf: Leaf, text: string, from: number): number {
  const first = leaf.pieces[0];
  if (!first) return -1;
  for (let s = text.indexOf(first, from); s >= 0; s = text.indexOf(first, s + 1)) {
    if (leaf.left && !wordMayStartAt(text, s)) continue;
    const e = leaf.pieces.length > 1 ? matchRest(leaf, text, s + first.length) : s + first.length;
    if (e < 0 || (leaf.right && classAt(text, e) === WORD)) continue;
    foundEnd = leaf.prefix ? wordEnd(text, e) : e;
    return s;
  }
  return -1;
}

/** Matches pieces 1.. from position e; returns the end or -1. */
function matchRest(leaf: Leaf, text: string, e: number): number {
  let end = e;
  for (let k = 1; k < leaf.pieces.length; k++) {
    let j = end;
    while (j < text.length && isSpaceCode(text.charCodeAt(j))) j++;
    if (leaf.spaced[k] && j === end) return -1;
    if (!text.startsWith(leaf.pieces[k], j)) return -1;
    end = j + leaf.pieces[k].length;
  }
  return end;
}

/** Moves past the rest of a word (for highlighting the whole word of a prefix match). */
function wordEnd(text: string, e: number): number {
  let i = e;
  while (classAt(text, i) === WORD) i += text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1;
  return Math.min(i, text.length);
}

/** Every occurrence of some leaves as flat [start, end, start, end, …] pairs. */
function occurrences(leaves: Leaf[], text: string, out: number[] = [], cap = Number.POSITIVE_INFINITY): number[] {
  for (const leaf of leaves) {
    for (let s = findLeaf(leaf, text, 0); s >= 0 && out.length < cap; s = findLeaf(leaf, text, s + 1)) out.push(s, foundEnd);
  }
  return out;
}

let countsText: string | undefined;
let countsCache: Int32Array = new Int32Array(0);

/** Token-start counts of the text, cached for the last text (all topics test the same text in turn). */
function countsFor(text: string): Int32Array {
  if (text !== countsText) {
    countsCache = tokenStartCounts(text);
    countsText = text;
  }
  return countsCache;
}

/** True if some occurrence of side A and some of side B have at most n tokens between them. */
function near(a: number[], b: number[], n: number, text: string): boolean {
  if (!a.length || !b.length) return false;
  const counts = countsFor(text);
  const items: Array<[number, number, number]> = [];
  for (const [side, list] of [a, b].entries()) {
    for (let i = 0; i < list.length; i += 2) items.push([list[i] > 0 ? counts[list[i] - 1] : 0, counts[list[i + 1] - 1] - 1, side]);
  }
  items.sort((x, y) => x[0] - y[0]);
  const maxLast = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const [first, last, side] of items) {
    if (maxLast[1 - side] >= first - n - 1) return true;
    if (last > maxLast[side]) maxLast[side] = last;
  }
  return false;
}

/** The leaves of a NEAR side (a term, or an OR of terms). */
function sideLeaves(node: TopicNode): Leaf[] {
  if (node.type === 'term') return [compileLeaf(node)];
  if (node.type === 'or') return node.children.flatMap(sideLeaves);
  return [];
}

/** Rough evaluation cost, so AND/OR try cheap children first. */
function cost(node: TopicNode): number {
  if (node.type === 'term') return node.phrase ? 2 : 1;
  if (node.type === 'not') return cost(node.child);
  if (node.type === 'near') return 50;
  return node.children.reduce((sum, c) => sum + cost(c), 0);
}

const byCost = (nodes: TopicNode[]) =>
  nodes
    .map((n) => ({ n, c: cost(n) }))
    .sort((x, y) => x.c - y.c)
    .map((x) => x.n);

/** Compiles a node into a boolean test over normalised text. */
export function compileTest(node: TopicNode): Test {
  switch (node.type) {
    case 'term': {
      const leaf = compileLeaf(node);
      const piece = leaf.pieces[0] ?? '';
      if (leaf.pieces.length === 1 && !leaf.left && !leaf.right) return (t) => t.includes(piece);
      return (t) => findLeaf(leaf, t, 0) >= 0;
    }
    case 'not': {
      const f = compileTest(node.child);
      return (t) => !f(t);
    }
    case 'near': {
      const [a, b, n] = [sideLeaves(node.left), sideLeaves(node.right), node.distance];
      return (t) => near(occurrences(a, t), occurrences(b, t), n, t);
    }
    default:
      return compileList(node.type, byCost(node.children).map(compileTest));
  }
}

/** An AND (all) or OR (any) over compiled children. */
function compileList(kind: 'and' | 'or', fs: Test[]): Test {
  if (fs.length === 2) {
    const [f, g] = fs;
    return kind === 'and' ? (t) => f(t) && g(t) : (t) => f(t) || g(t);
  }
  const all = kind === 'and';
  return (t) => {
    for (const f of fs) if (f(t) !== all) return !all;
    return all;
  };
}

/** Compiles a node into a collector of highlight ranges (positive terms of the branches that matched). */
export function compileCollect(node: TopicNode): Collect {
  switch (node.type) {
    case 'term': {
      const leaf = compileLeaf(node);
      return (t, out) => {
        if (findLeaf(leaf, t, 0) < 0) return false;
        occurrences([leaf], t, out, MAX_RANGES);
        return true;
      };
    }
    case 'not': {
      const f = compileTest(node.child);
      return (t) => !f(t);
    }
    case 'near': {
      const [a, b, n] = [sideLeaves(node.left), sideLeaves(node.right), node.distance];
      return (t, out) => {
        const [x, y] = [occurrences(a, t), occurrences(b, t)];
        if (!near(x, y, n, t)) return false;
        for (const v of [...x, ...y]) if (out.length < MAX_RANGES) out.push(v);
        return true;
      };
    }
    default:
      return collectList(node.type, node.children.map(compileCollect));
  }
}

/** AND keeps its children's ranges only if all matched; OR keeps those of every child that matched. */
function collectList(kind: 'and' | 'or', fs: Collect[]): Collect {
  return (t, out) => {
    const mark = out.length;
    let any = false;
    for (const f of fs) {
      const ok = f(t, out);
      any ||= ok;
      if (kind === 'and' && !ok) {
        out.length = mark;
        return false;
      }
    }
    return kind === 'and' || any;
  };
}
