import { scaleLinear } from 'd3';
import { formatShare, formatValue } from '../lib/format.ts';
import { defineKind } from './kind.ts';
import { kindDeclarations, progressOptions } from './kinds.ts';
import { optionsOrThrow } from './options.ts';
import { DERIVED_NOTE, FONT, emptyChart, frame, markOpen, note, r, text, textWidth, tip, usable, wrap } from './svg.ts';
import type { ChartDatum, ChartOutput } from './types.ts';
import { z } from 'astro/zod';

export type ProgressOptions = z.input<typeof progressOptions>;

interface Pair {
  part: ChartDatum;
  total: ChartDatum;
  first: boolean;
}

/** Pairs each 'part' row with the 'total' row of its group; without roles the largest row is the total. */
function pairs(data: ChartDatum[]): { list: Pair[]; loose: ChartDatum[] } {
  const hasRoles = data.some((d) => d.role === 'total');
  const list: Pair[] = [];
  const used = new Set<ChartDatum>();
  const groups = [...new Set(data.map((d) => d.group ?? ''))];
  for (const g of groups) {
    const rows = data.filter((d) => (d.group ?? '') === g);
    const total = hasRoles
      ? (rows.find((d) => d.role === 'total') ?? data.find((d) => d.role === 'total' && !d.group))
      : rows.reduce((a, b) => (b.value > a.value ? b : a));
    if (!total) continue;
    const parts = rows.filter((d) => d !== total && (hasRoles ? d.role !== 'total' : true));
    parts.forEach((part, i) => {
      list.push({ part, total, first: !used.has(total) && i === 0 });
      used.add(total).add(part);
    });
  }
  return { list, loose: data.filter((d) => !used.has(d)) };
}

/** Shows how far a part has come against its whole: 完成投资23.6亿元 of 总投资84.4亿元, one track per part. */
export function progress(data: readonly ChartDatum[], input: ProgressOptions): ChartOutput {
  const options = optionsOrThrow('progress', progressOptions, input);
  const width = options.width;
  const clean = usable(data);
  const { list, loose } = pairs(clean);
  if (list.length === 0) return emptyChart('progress', options, width);
  const x = scaleLinear()
    .domain([0, 1])
    .range([0, width - 2])
    .clamp(true);
  let y = 0;
  const body: string[] = [];
  list.forEach(({ part, total, first }, i) => {
    const share = formatShare(part.value, total.value);
    const partValue = formatValue(part.value, part.unit, part.qualifier);
    const totalText = `${total.label}${formatValue(total.value, total.unit, total.qualifier)}`;
    const c = `c${(i % 6) + 1}`;
    const labelLines = wrap(part.label, width - textWidth(partValue) - 12, FONT, 2);
    const lineTop = y + 16;
    const barY = lineTop + (labelLines.length - 1) * 16 + 8;
    const fill = total.value ? part.value / total.value : 0;
    const track = `<rect class="track" x="1" y="${r(barY)}" width="${width - 2}" height="18" rx="2"/>`;
    // The total is drawn once as a mark (its first track); further tracks against it are decoration.
    body.push(
      first
        ? `${markOpen(total)}${track}${text(width - 1, barY + 36, totalText, 'class="muted" text-anchor="end"')}</g>`
        : `<g aria-hidden="true">${track}${text(width - 1, barY + 36, totalText, 'class="muted" text-anchor="end"')}</g>`,
    );
    body.push(
      `${markOpen(part, c, tip(part, `${partValue}，占${totalText}的${share}`))}` +
        `<rect class="shape" x="1" y="${r(barY)}" width="${r(x(fill))}" height="18" rx="2"/>` +
        text(1, lineTop, labelLines, 'class="label"') +
        text(width - 1, lineTop, partValue, 'class="label value strong" text-anchor="end"') +
        text(1, barY + 36, `占${share}`, 'class="label"') +
        `</g>`,
    );
    y = barY + 50;
  });
  loose.forEach((d) => {
    body.push(
      `${markOpen(d)}${text(1, y + 14, `${d.label}：${formatValue(d.value, d.unit, d.qualifier)}`, 'class="muted"')}</g>`,
    );
    y += 20;
  });
  const notes = ['占比为本站计算值', ...(clean.some((d) => d.derived) ? [DERIVED_NOTE] : [])];
  body.push(notes.map((n, i) => note(1, y + 8 + i * 18, n)).join(''));
  const height = y + 4 + notes.length * 18;
  const description =
    `进度条图，显示部分占整体的比例。` +
    list
      .map(
        ({ part, total }) =>
          `${part.label}${formatValue(part.value, part.unit, part.qualifier)}，占${total.label}${formatValue(total.value, total.unit, total.qualifier)}的${formatShare(part.value, total.value)}`,
      )
      .join('；') +
    '。';
  return {
    svg: frame({
      id: options.id,
      kind: 'progress',
      title: options.title,
      description,
      width,
      height,
      body: body.join(''),
    }),
    description,
  };
}

export const progressKind = defineKind({ ...kindDeclarations.progress, render: progress });
