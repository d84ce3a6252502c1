/** Pure functions that turn the received report text into cleaned blocks, one repair at a time. */

export interface Repair {
  id: string;
  paragraph: string;
  kind: string;
  before: string;
  after: string;
  /** Character map for a repair that applies throughout the text (paragraph "*"). */
  map?: Record<string, string>;
  why: string;
}

/** Applies every repair in order; throws naming the repair whose `before` is missing or ambiguous. */
export function applyRepairs(received: string, repairs: readonly Repair[]): string {
  let text = received.replace(/\r\n?/g, '\n');
  for (const repair of repairs) {
    if (repair.map) {
      const map = repair.map;
      text = [...text].map((ch) => map[ch] ?? ch).join('');
      continue;
    }
    const first = text.indexOf(repair.before);
    if (first < 0) throw new Error(`repair ${repair.id}: "before" text not found in the received report`);
    if (text.indexOf(repair.before, first + 1) >= 0) {
      throw new Error(`repair ${repair.id}: "before" text occurs more than once; quote more context`);
    }
    text = text.slice(0, first) + repair.after + text.slice(first + repair.before.length);
  }
  return text;
}

/** Splits page text into blocks at blank lines, trimming each and dropping empty ones. */
export function splitBlocks(text: string): string[] {
  return text
    .split(/\n[ \t\u3000]*\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0);
}
