/** Did-you-mean hints for ids an editor mistyped: the known ids closest by edit distance. */

/** Returns the Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Returns up to `count` known ids close enough to `wanted` to be a likely typo, closest first. */
export function closestIds(wanted: string, ids: readonly string[], count = 3): string[] {
  return ids
    .map((id) => ({ id, d: id.includes(wanted) || wanted.includes(id) ? 0 : editDistance(wanted, id) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(wanted.length / 3)))
    .sort((a, b) => a.d - b.d)
    .slice(0, count)
    .map((x) => x.id);
}
