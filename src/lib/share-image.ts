/**
 * The share image of a page (Open Graph / Twitter card): 1200×630 SVG markup with the headline and a key figure,
 * turned into PNG by src/pages/og/[id].png.ts. Pure: same input, same markup. Text is set in Noto CJK through
 * fontconfig, so the build machine needs fonts-noto-cjk (README "Reader features").
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

const sans = "'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";
const serif = "'Noto Serif CJK SC', 'Noto Serif SC', serif";

/** Returns the SVG markup of a share image. */
export function shareSvg(card: ShareCard): string {
  const x = 80;
  const inner = shareWidth - 2 * x;
  const titleSize = 68;
  const titleLines = wrapText(card.title, inner / titleSize, 2);
  let y = 196;
  const parts: string[] = [
    `<rect width="${shareWidth}" height="${shareHeight}" fill="#fdfcf9"/>`,
    `<rect width="${shareWidth}" height="14" fill="#a3261c"/>`,
    `<text x="${x}" y="104" font-family="${serif}" font-weight="700" font-size="40" letter-spacing="3" fill="#a3261c">数说龙城</text>`,
    `<text x="${x + 190}" y="102" font-family="${sans}" font-size="28" fill="#56544e">${escapeHtml(card.label)}</text>`,
    `<line x1="${x}" y1="130" x2="${shareWidth - x}" y2="130" stroke="#d8d4c8" stroke-width="2"/>`,
  ];
  for (const line of titleLines) {
    y += titleSize * 1.05;
    parts.push(
      `<text x="${x}" y="${y}" font-family="${serif}" font-weight="700" font-size="${titleSize}" fill="#1d1d1b">${escapeHtml(line)}</text>`,
    );
    y += titleSize * 0.3;
  }
  if (card.figure) {
    const { prefix = '', value, unit, label } = card.figure;
    const numberSize = 112;
    const numberY = 500;
    const valueWidth = textWidth(prefix) * 44 + textWidth(value) * numberSize;
    // One <text> with two spans: the unit follows the number's real advance, whatever the font.
    parts.push(
      `<text x="${x}" y="${numberY}" font-family="${sans}" font-weight="700" fill="#a3261c">${prefix ? `<tspan font-size="44">${escapeHtml(prefix)}</tspan>` : ''}<tspan font-size="${numberSize}">${escapeHtml(value)}</tspan><tspan font-size="44" dx="8">${escapeHtml(unit)}</tspan></text>`,
    );
    const labelX = x + valueWidth + 8 + textWidth(unit) * 44 + 28;
    const labelLines = wrapText(label, (shareWidth - x - labelX) / 30, 2);
    labelLines.forEach((line, i) => {
      parts.push(
        `<text x="${labelX}" y="${numberY - 44 + i * 42}" font-family="${sans}" font-size="30" fill="#1d1d1b">${escapeHtml(line)}</text>`,
      );
    });
  } else if (card.dek) {
    wrapText(card.dek, inner / 32, 3).forEach((line, i) => {
      parts.push(
        `<text x="${x}" y="${y + 60 + i * 48}" font-family="${sans}" font-size="32" fill="#56544e">${escapeHtml(line)}</text>`,
      );
    });
  }
  parts.push(
    `<line x1="${x}" y1="548" x2="${shareWidth - x}" y2="548" stroke="#d8d4c8" stroke-width="2"/>`,
    `<text x="${x}" y="590" font-family="${sans}" font-size="26" fill="#56544e">${escapeHtml(card.footer)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${shareWidth}" height="${shareHeight}" viewBox="0 0 ${shareWidth} ${shareHeight}">${parts.join('')}</svg>`;
}
