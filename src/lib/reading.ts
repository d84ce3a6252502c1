/** Reading aids computed from an article's MDX source: reading time and related stories. Pure functions. */

/** Characters a reader of Chinese gets through in a minute (commonly quoted 400–500); the middle is used. */
export const charsPerMinute = 450;

/** Returns the text a reader sees in an MDX body: components, Markdown markers and link targets removed. */
export function readableText(mdx: string): string {
  return mdx
    .replace(/<[A-Za-z][^>]*\/>/g, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>|]/g, '')
    .replace(/\s+/g, '');
}

/** Counts what a reader reads: each CJK character or punctuation mark as one, each Latin word or number as one. */
export function readingUnits(text: string): number {
  const words = text.match(/[A-Za-z0-9][A-Za-z0-9.,%'-]*/g)?.length ?? 0;
  const rest = text.replace(/[A-Za-z0-9][A-Za-z0-9.,%'-]*/g, '').replace(/\s+/g, '');
  return words + [...rest].length;
}

/** Returns whole minutes to read an MDX body, at least 1. */
export function readingMinutes(mdx: string, perMinute = charsPerMinute): number {
  return Math.max(1, Math.round(readingUnits(readableText(mdx)) / perMinute));
}

function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '')];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) grams.add(chars[i]! + chars[i + 1]!);
  return grams;
}

/** Returns the Jaccard similarity of two texts' character bigrams (0 to 1); a stand-in for shared topics. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  for (const g of x) if (y.has(g)) shared += 1;
  const union = x.size + y.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Returns up to `count` ids of the texts most like `id`'s, most similar first, ties broken by id for stable output. */
export function relatedIds(id: string, texts: ReadonlyMap<string, string>, count = 3): string[] {
  const own = texts.get(id);
  if (own === undefined) throw new Error(`relatedIds: no text for "${id}"`);
  return [...texts]
    .filter(([other]) => other !== id)
    .map(([other, text]) => ({ other, score: similarity(own, text) }))
    .sort((p, q) => q.score - p.score || p.other.localeCompare(q.other))
    .slice(0, count)
    .map((r) => r.other);
}

/** Below this many stories every pair is compared; above it only stories that share rare bigrams are. */
const fullComparisonLimit = 300;
/** How many of a story's rarest bigrams choose its candidates, and how many candidates are scored at most. */
const rareGrams = 24;
const maxCandidates = 200;

/**
 * Returns each story's related ids, computed once for the whole archive: bigram sets are built once per text, and a
 * large archive compares a story only with stories sharing its rarest bigrams, so the cost grows about linearly
 * with the number of stories instead of with its square (relatedIds on every page was quadratic per page).
 */
export function relatedIndex(texts: ReadonlyMap<string, string>, count = 3): Map<string, string[]> {
  const ids = [...texts.keys()].sort();
  const grams = new Map(ids.map((id) => [id, bigrams(texts.get(id)!)]));
  // Each bigram becomes a number and each text a sorted array of them, so a pair is compared by one merge of two
  // integer arrays instead of a string-set lookup per bigram (the same counts, many times faster at 1,000 stories).
  const codes = new Map<string, number>();
  const sorted = new Map(
    ids.map((id) => {
      const set = grams.get(id)!;
      const arr = new Int32Array(set.size);
      let i = 0;
      for (const g of set) arr[i++] = codes.get(g) ?? codes.set(g, codes.size).get(g)!;
      return [id, arr.sort()] as const;
    }),
  );
  const jaccard = (a: Int32Array, b: Int32Array) => {
    let shared = 0;
    for (let i = 0, j = 0; i < a.length && j < b.length;) {
      if (a[i]! < b[j]!) i += 1;
      else if (a[i]! > b[j]!) j += 1;
      else {
        shared += 1;
        i += 1;
        j += 1;
      }
    }
    const union = a.length + b.length - shared;
    return union === 0 ? 0 : shared / union;
  };
  const postings = new Map<string, string[]>();
  if (ids.length > fullComparisonLimit) {
    for (const id of ids) for (const g of grams.get(id)!) (postings.get(g) ?? postings.set(g, []).get(g)!).push(id);
  }
  const result = new Map<string, string[]>();
  for (const id of ids) {
    const own = grams.get(id)!;
    let candidates: string[];
    if (ids.length <= fullComparisonLimit) candidates = ids;
    else {
      const rare = [...own].map((g) => [g, postings.get(g)!.length] as const).filter(([, df]) => df > 1);
      rare.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
      const picked = new Set<string>();
      for (const [g] of rare.slice(0, rareGrams)) {
        for (const other of postings.get(g)!) {
          if (picked.size >= maxCandidates) break;
          picked.add(other);
        }
      }
      candidates = [...picked];
    }
    result.set(
      id,
      candidates
        .filter((other) => other !== id)
        .map((other) => ({ other, score: jaccard(sorted.get(id)!, sorted.get(other)!) }))
        .sort((p, q) => q.score - p.score || p.other.localeCompare(q.other))
        .slice(0, count)
        .map((r) => r.other),
    );
  }
  return result;
}
