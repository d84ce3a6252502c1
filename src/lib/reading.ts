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

/** Returns the Jaccard similarity of two sorted arrays of distinct bigram codes: one merge of the two. */
function jaccard(a: Int32Array, b: Int32Array): number {
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
}

/**
 * Returns each story's related ids, computed once for the whole archive: bigram sets are built once per text, and a
 * large archive compares a story only with stories sharing its rarest bigrams, so the cost grows about linearly
 * with the number of stories instead of with its square (relatedIds on every page was quadratic per page).
 * Bigrams, stories and their orders are numbers here: each text is a sorted array of bigram codes, a pair is
 * compared by one merge of two such arrays, and the rarest bigrams (fewest stories, then the bigrams' string order)
 * and the best candidates (highest score, then the ids' localeCompare order) are found by sorting numbers, with the
 * same results as sorting the strings (half the time: 0.54 to 0.27 s for the 1,007 stories of the bench's archive,
 * 1.6 to 0.8 s for 3,007).
 */
export function relatedIndex(texts: ReadonlyMap<string, string>, count = 3): Map<string, string[]> {
  const ids = [...texts.keys()].sort();
  const codes = new Map<string, number>();
  const gramsOf = ids.map((id) => {
    const set = bigrams(texts.get(id)!);
    const arr = new Int32Array(set.size);
    let i = 0;
    for (const g of set) arr[i++] = codes.get(g) ?? codes.set(g, codes.size).get(g)!;
    return arr.sort();
  });
  // Ties between candidates are broken as localeCompare orders their ids: the rank of each id in that order (ids
  // that compare equal share one), so two stories compare by a subtraction.
  const byLocale = ids.map((_, i) => i).sort((a, b) => ids[a]!.localeCompare(ids[b]!));
  const idRank = new Int32Array(ids.length);
  byLocale.forEach((story, k) => {
    const previous = byLocale[k - 1];
    idRank[story] = k === 0 ? 0 : idRank[previous!]! + (ids[previous!]!.localeCompare(ids[story]!) === 0 ? 0 : 1);
  });
  const candidatesOf = ids.length > fullComparisonLimit ? rareCandidates(gramsOf, codes) : undefined;
  const everyone = ids.map((_, i) => i);
  const result = new Map<string, string[]>();
  ids.forEach((id, i) => {
    const own = gramsOf[i]!;
    const scored = (candidatesOf ? candidatesOf(i) : everyone)
      .filter((other) => other !== i)
      .map((other) => ({ other, score: jaccard(own, gramsOf[other]!) }));
    scored.sort((p, q) => q.score - p.score || idRank[p.other]! - idRank[q.other]!);
    result.set(
      id,
      scored.slice(0, count).map((r) => ids[r.other]!),
    );
  });
  return result;
}

/**
 * For a large archive: returns a function giving a story's candidates (story numbers, in the order found), the
 * stories that share its rarest bigrams: its bigrams held by at least one other story, fewest stories first (ties
 * in the bigrams' string order), the first `rareGrams` of them, each giving its stories in id order, up to
 * `maxCandidates` stories.
 */
function rareCandidates(gramsOf: readonly Int32Array[], codes: ReadonlyMap<string, number>): (i: number) => number[] {
  const n = codes.size;
  // How many stories hold each bigram, and the stories of each (in story order, as one array sliced by offsets).
  const df = new Int32Array(n);
  for (const grams of gramsOf) for (const g of grams) df[g]! += 1;
  const start = new Int32Array(n + 1);
  for (let g = 0; g < n; g++) start[g + 1] = start[g]! + df[g]!;
  const postings = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  gramsOf.forEach((grams, story) => {
    for (const g of grams) postings[fill[g]!++] = story;
  });
  // Each bigram's place in string order (the tie-break among equally rare bigrams), and the bigram at each place.
  const strings = new Array<string>(n);
  for (const [gram, code] of codes) strings[code] = gram;
  const codeAt = Int32Array.from(strings.keys()).sort((a, b) =>
    strings[a]! < strings[b]! ? -1 : strings[a]! > strings[b]! ? 1 : 0,
  );
  const place = new Int32Array(n);
  codeAt.forEach((code, k) => (place[code] = k));
  const seen = new Int32Array(gramsOf.length);
  return (i) => {
    const own = gramsOf[i]!;
    // Sorting df × n + place orders by rarity, then by string; both are exact in a double.
    const keys: number[] = [];
    for (const g of own) if (df[g]! > 1) keys.push(df[g]! * n + place[g]!);
    const rare = Float64Array.from(keys).sort().subarray(0, rareGrams);
    const picked: number[] = [];
    for (const key of rare) {
      const g = codeAt[key % n]!;
      for (let k = start[g]!; k < start[g + 1]! && picked.length < maxCandidates; k++) {
        const other = postings[k]!;
        if (seen[other] !== i + 1) {
          seen[other] = i + 1;
          picked.push(other);
        }
      }
    }
    return picked;
  };
}
