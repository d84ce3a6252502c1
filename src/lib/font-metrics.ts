/**
 * Advance widths of an OpenType font (a .otf/.ttf file or one face of a .ttc collection), read from its cmap, head,
 * hhea and hmtx tables with positioned reads, so a 27 MB CJK collection is never loaded whole. Used to set the share
 * images' text glyph by glyph (src/lib/share-raster.ts). No shaping: no kerning, ligatures or contextual forms, which
 * Chinese text set horizontally does not use.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface FontMetrics {
  unitsPerEm: number;
  /** Returns the advance of a code point in ems, or undefined when the font has no glyph for it. */
  advance(codePoint: number): number | undefined;
}

function readAt(fd: number, offset: number, length: number): DataView {
  const buf = Buffer.alloc(length);
  const read = readSync(fd, buf, 0, length, offset);
  if (read !== length) throw new Error(`font file ends at ${offset + read}, ${length} bytes wanted at ${offset}`);
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

const tag = (view: DataView, at: number) => String.fromCharCode(...[0, 1, 2, 3].map((i) => view.getUint8(at + i)));

/** Maps code points to glyph ids from a cmap subtable of format 4 (BMP) or 12 (all planes). */
function glyphMap(view: DataView, at: number): (cp: number) => number {
  const format = view.getUint16(at);
  if (format === 12) {
    const groups = view.getUint32(at + 12);
    const start = new Uint32Array(groups);
    const end = new Uint32Array(groups);
    const glyph = new Uint32Array(groups);
    for (let i = 0; i < groups; i += 1) {
      const g = at + 16 + i * 12;
      start[i] = view.getUint32(g);
      end[i] = view.getUint32(g + 4);
      glyph[i] = view.getUint32(g + 8);
    }
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (cp < start[mid]!) hi = mid - 1;
        else if (cp > end[mid]!) lo = mid + 1;
        else return glyph[mid]! + cp - start[mid]!;
      }
      return 0;
    };
  }
  if (format === 4) {
    const segments = view.getUint16(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    return (cp) => {
      if (cp > 0xffff) return 0;
      for (let i = 0; i < segments; i += 1) {
        if (cp > view.getUint16(ends + i * 2)) continue;
        const start = view.getUint16(starts + i * 2);
        if (cp < start) return 0;
        const delta = view.getInt16(deltas + i * 2);
        const rangeOffset = view.getUint16(rangeOffsets + i * 2);
        if (rangeOffset === 0) return (cp + delta) & 0xffff;
        const g = view.getUint16(rangeOffsets + i * 2 + rangeOffset + (cp - start) * 2);
        return g === 0 ? 0 : (g + delta) & 0xffff;
      }
      return 0;
    };
  }
  throw new Error(`cmap subtable format ${format} is not supported`);
}

/** Reads the metrics of face `index` of a font file (index 0 for a single font). */
export function readFontMetrics(file: string, index = 0): FontMetrics {
  const fd = openSync(file, 'r');
  try {
    let faceAt = 0;
    const header = readAt(fd, 0, 12);
    if (tag(header, 0) === 'ttcf') {
      const faces = header.getUint32(8);
      if (index >= faces) throw new Error(`${file} has ${faces} faces, not ${index + 1}`);
      faceAt = readAt(fd, 12 + index * 4, 4).getUint32(0);
    }
    const count = readAt(fd, faceAt + 4, 2).getUint16(0);
    const records = readAt(fd, faceAt + 12, count * 16);
    const tables = new Map<string, { offset: number; length: number }>();
    for (let i = 0; i < count; i += 1)
      tables.set(tag(records, i * 16), {
        offset: records.getUint32(i * 16 + 8),
        length: records.getUint32(i * 16 + 12),
      });
    const table = (name: string) => {
      const t = tables.get(name);
      if (!t) throw new Error(`${file} (face ${index}) has no ${name} table`);
      return readAt(fd, t.offset, t.length);
    };
    const unitsPerEm = table('head').getUint16(18);
    const metricsCount = table('hhea').getUint16(34);
    const hmtx = table('hmtx');
    const cmap = table('cmap');
    // The Unicode subtable with the widest reach: full repertoire (3,10 / 0,4 / 0,6) before BMP only (3,1 / 0,3).
    const rank = (platform: number, encoding: number) =>
      platform === 3 && encoding === 10
        ? 4
        : platform === 0 && (encoding === 4 || encoding === 6)
          ? 3
          : platform === 3 && encoding === 1
            ? 2
            : platform === 0 && encoding === 3
              ? 1
              : 0;
    let best = -1;
    let bestRank = 0;
    for (let i = 0; i < cmap.getUint16(2); i += 1) {
      const r = 4 + i * 8;
      const format = cmap.getUint16(cmap.getUint32(r + 4));
      const score = format === 4 || format === 12 ? rank(cmap.getUint16(r), cmap.getUint16(r + 2)) : 0;
      if (score > bestRank) [best, bestRank] = [cmap.getUint32(r + 4), score];
    }
    if (best < 0) throw new Error(`${file} (face ${index}) has no Unicode cmap of format 4 or 12`);
    const glyphOf = glyphMap(cmap, best);
    return {
      unitsPerEm,
      advance(cp) {
        const glyph = glyphOf(cp);
        if (glyph === 0) return undefined;
        return hmtx.getUint16(Math.min(glyph, metricsCount - 1) * 4) / unitsPerEm;
      },
    };
  } finally {
    closeSync(fd);
  }
}
