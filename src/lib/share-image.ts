/**
 * The share image of a page (Open Graph / Twitter card), 1200×630, with the headline and a key figure: its layout
 * (a shared background and runs of text on whole-pixel baselines) and the same as SVG markup, turned into PNG by
 * src/lib/share-png.ts. Pure: same input, same layout. Text is set in Noto CJK, so the build machine needs
 * fonts-noto-cjk (README "Reader features").
 */
import { escapeHtml } from './escape.ts';

export const shareWidth = 1200;
export const shareHeight = 630;

export interface ShareCard {
  /** Small line above the headline, e.g. "龙城时讯". */
  label: string;
  title: string;
  /** Optional line under the headline (a subtitle or summary), cut to fit two lines. */
  dek?: string;
  figure?: { prefix?: string; value: string; unit: string; label: string };
  footer: string;
}

const narrow = /[\x20-\x7e]/;

/** Returns the advance width of text in ems: printable ASCII counts about half, everything else a full em. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch === ' ' || ch === '.' ? 0.3 : narrow.test(ch) ? 0.56 : 1;
  return w;
}

// Characters that may not start a line in Chinese typesetting (kinsoku), and ones that may not end it.
const noStart = new Set([...'，。、；：！？）》」』”’%·…—']);
const noEnd = new Set([...'（《「『“‘']);

/**
 * Breaks text into lines of at most `maxEm` ems, at most `maxLines` lines; the last line ends in "…" when cut.
 * Prefers the spaces of a two-part headline, keeps digits together and follows the basic kinsoku rules.
 */
export function wrapText(text: string, maxEm: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/);
  // A headline in two halves ("培育优势产业 再造发展引擎") reads best broken at its space.
  if (
    words.length > 1 &&
    words.length <= maxLines &&
    words.every((w) => textWidth(w) <= maxEm) &&
    textWidth(text) > maxEm
  )
    return words;
  const tokens = text.trim().match(/[A-Za-z0-9.%]+|\s|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (line === '' && token === ' ') continue;
    if (textWidth(line + token) <= maxEm || line === '') {
      line += token;
      continue;
    }
    // Move a forbidden line-end character, or pull a forbidden line-start one back, before breaking.
    let carry = '';
    if (noStart.has(token)) {
      const chars = [...line];
      carry = chars.pop() ?? '';
      line = chars.join('');
    } else if (noEnd.has([...line].at(-1) ?? '')) {
      const chars = [...line];
      carry = chars.pop() ?? '';
      line = chars.join('');
    }
    lines.push(line.trimEnd());
    line = carry + (token === ' ' ? '' : token);
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && line) lines.push(line.trimEnd());
  const used = lines.join('').replace(/\s/g, '').length;
  if (used < text.replace(/\s/g, '').length) {
    let last = lines[maxLines - 1] ?? '';
    while (last && textWidth(`${last}…`) > maxEm) last = [...last].slice(0, -1).join('');
    lines[maxLines - 1] = `${last.replace(/[，。、；：“（《]$/u, '')}…`;
  }
  return lines.slice(0, maxLines);
}

/** The faces a share image sets its text in. */
export const shareFonts = {
  'serif-bold': { family: "'Noto Serif CJK SC', 'Noto Serif SC', serif", weight: 700 },
  sans: { family: "'Noto Sans CJK SC', 'Noto Sans SC', sans-serif", weight: 400 },
  'sans-bold': { family: "'Noto Sans CJK SC', 'Noto Sans SC', sans-serif", weight: 700 },
} as const;
export type ShareFont = keyof typeof shareFonts;

/** A run of text on one baseline; its spans follow each other, each after its own extra gap `dx`. */
export interface ShareText {
  x: number;
  y: number;
  font: ShareFont;
  fill: string;
  spans: { text: string; size: number; dx?: number }[];
}

const fontAttrs = (font: ShareFont) =>
  `font-family="${shareFonts[font].family}"${shareFonts[font].weight === 700 ? ' font-weight="700"' : ''}`;

/**
 * What every card shares: the paper, the red rule, the masthead and the two hairlines. Text set on it by a card
 * starts at x = 80, and its baselines are whole pixels.
 */
export const shareBackgroundSvg = (): string =>
  `<rect width="${shareWidth}" height="${shareHeight}" fill="#fdfcf9"/>` +
  `<rect width="${shareWidth}" height="14" fill="#a3261c"/>` +
  `<text x="80" y="104" ${fontAttrs('serif-bold')} font-size="40" letter-spacing="3" fill="#a3261c">数说龙城</text>` +
  `<line x1="80" y1="130" x2="${shareWidth - 80}" y2="130" stroke="#d8d4c8" stroke-width="2"/>` +
  `<line x1="80" y1="548" x2="${shareWidth - 80}" y2="548" stroke="#d8d4c8" stroke-width="2"/>`;

/** Returns the text a share image sets on the shared background: headline, label, key figure or dek, footer. */
export function shareLayout(card: ShareCard): ShareText[] {
  const x = 80;
  const inner = shareWidth - 2 * x;
  const titleSize = 68;
  const titleLines = wrapText(card.title, inner / titleSize, 2);
  const text = (tx: number, y: number, font: ShareFont, size: number, fill: string, line: string): ShareText => ({
    x: tx,
    y: Math.round(y),
    font,
    fill,
    spans: [{ text: line, size }],
  });
  let y = 196;
  const texts: ShareText[] = [text(x + 190, 102, 'sans', 28, '#56544e', card.label)];
  for (const line of titleLines) {
    y += titleSize * 1.05;
    texts.push(text(x, y, 'serif-bold', titleSize, '#1d1d1b', line));
    y += titleSize * 0.3;
  }
  if (card.figure) {
    const { prefix = '', value, unit, label } = card.figure;
    const numberSize = 112;
    const numberY = 500;
    const valueWidth = textWidth(prefix) * 44 + textWidth(value) * numberSize;
    // One run of spans: the unit follows the number's real advance, whatever the font.
    texts.push({
      x,
      y: numberY,
      font: 'sans-bold',
      fill: '#a3261c',
      spans: [
        ...(prefix ? [{ text: prefix, size: 44 }] : []),
        { text: value, size: numberSize },
        { text: unit, size: 44, dx: 8 },
      ],
    });
    const labelX = Math.round(x + valueWidth + 8 + textWidth(unit) * 44 + 28);
    wrapText(label, (shareWidth - x - labelX) / 30, 2).forEach((line, i) => {
      texts.push(text(labelX, numberY - 44 + i * 42, 'sans', 30, '#1d1d1b', line));
    });
  } else if (card.dek) {
    wrapText(card.dek, inner / 32, 3).forEach((line, i) => {
      texts.push(text(x, y + 60 + i * 48, 'sans', 32, '#56544e', line));
    });
  }
  texts.push(text(x, 590, 'sans', 26, '#56544e', card.footer));
  return texts;
}

/** Returns the SVG markup of one run of text. */
export function shareTextSvg(t: ShareText): string {
  const one = t.spans.length === 1 && !t.spans[0]!.dx;
  const spans = one
    ? escapeHtml(t.spans[0]!.text)
    : t.spans
        .map((s) => `<tspan font-size="${s.size}"${s.dx ? ` dx="${s.dx}"` : ''}>${escapeHtml(s.text)}</tspan>`)
        .join('');
  const size = one ? ` font-size="${t.spans[0]!.size}"` : '';
  return `<text x="${t.x}" y="${t.y}" ${fontAttrs(t.font)}${size} fill="${t.fill}">${spans}</text>`;
}

/** Returns the SVG markup of a share image. */
export function shareSvg(card: ShareCard): string {
  const texts = shareLayout(card).map(shareTextSvg).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${shareWidth}" height="${shareHeight}" viewBox="0 0 ${shareWidth} ${shareHeight}">${shareBackgroundSvg()}${texts}</svg>`;
}
