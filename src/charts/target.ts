import { max, scaleLinear } from 'd3';
import { formatValue } from '../lib/format.ts';
import { defineKind } from './kind.ts';
import { kindDeclarations, targetOptions } from './kinds.ts';
import { optionsOrThrow } from './options.ts';
import { DERIVED_NOTE, FONT, emptyChart, frame, markOpen, note, r, text, usable, wrap } from './svg.ts';
import type { ChartDatum, ChartOutput } from './types.ts';
import { z } from 'astro/zod';

export type TargetOptions = z.input<typeof targetOptions>;

/** Lays out targets as labelled tiles: the value with its qualifier (300家左右, 40%以上), a dashed bar for the target and a solid one for any 'current' row of the same group. */
export function target(data: readonly ChartDatum[], input: TargetOptions): ChartOutput {
  const options = optionsOrThrow('target', targetOptions, input);
  const width = options.width;
  const clean = usable(data);
  if (clean.length === 0) return emptyChart('target', options, width);
  const currentOf = (t: ChartDatum) =>
    clean.find((d) => d.role === 'current' && d !== t && ((t.group && d.group === t.group) || d.label === t.label));
  const targets = clean.filter(
    (d) => d.role !== 'current' || !clean.some((t) => t.role !== 'current' && currentOf(t) === d),
  );
  const columns = input.columns === undefined ? (width < 300 ? 1 : 2) : options.columns!;
  const gap = 12;
  const tileW = (width - gap * (columns - 1)) / columns;
  // Bars compare only targets of one kind of thing in one unit (or against its own current value); a percentage is
  // drawn against 100%. A target alone in its kind gets no bar: a length compared with nothing says nothing.
  const kindOf = (d: ChartDatum) => `${d.unit}|${d.measure ?? d.key}`;
  const peers = (t: ChartDatum) => clean.filter((d) => kindOf(d) === kindOf(t));
  const hasBar = (t: ChartDatum) => t.unit === '%' || peers(t).length > 1 || Boolean(currentOf(t));
  const scaleFor = (t: ChartDatum) =>
    scaleLinear()
      .domain([0, t.unit === '%' ? 100 : max(peers(t), (d) => d.value) || 1])
      .range([0, tileW - 16])
      .clamp(true);
  const labels = targets.map((d) => wrap(d.label, tileW - 2, FONT, 2));
  const labelLines = Math.max(...labels.map((l) => l.length));
  const anyCurrent = targets.some((t) => currentOf(t));
  const tileH = labelLines * 16 + 34 + 18 + (anyCurrent ? 18 : 0);
  const body = targets.map((t, i) => {
    const x0 = (i % columns) * (tileW + gap);
    const y0 = Math.floor(i / columns) * (tileH + 10);
    const s = scaleFor(t);
    const cur = currentOf(t);
    const value = formatValue(t.value, t.unit, t.qualifier);
    const valueY = y0 + labelLines * 16 + 24;
    const barY = valueY + 10;
    const c = `c${(i % 6) + 1}`;
    const isCurrent = t.role === 'current';
    const goal = hasBar(t)
      ? `<rect class="${isCurrent ? 'shape' : 'goal'}" x="${r(x0 + 8)}" y="${r(barY)}" width="${r(Math.max(2, s(t.value)))}" height="10"/>`
      : '';
    let current = '';
    if (cur) {
      const cv = formatValue(cur.value, cur.unit, cur.qualifier);
      current =
        `${markOpen(cur, c)}<rect class="shape" x="${r(x0 + 8)}" y="${r(barY + 2)}" width="${r(Math.max(1, s(cur.value)))}" height="6"/>` +
        text(x0 + 8, barY + 28, `现有${cv}`, 'class="label small"') +
        `</g>`;
    }
    return (
      `${markOpen(t, c)}<rect class="tile" x="${r(x0)}" y="${r(y0)}" width="${r(tileW)}" height="${tileH}" rx="4"/>` +
      text(x0 + 8, y0 + 18, labels[i]!, 'class="label"') +
      text(x0 + 8, valueY, value, 'class="label value big"') +
      `${goal}</g>${current}`
    );
  });
  const rowsCount = Math.ceil(targets.length / columns);
  let y = rowsCount * (tileH + 10);
  const notes = [
    ...(anyCurrent
      ? ['虚线框：目标；实心：现有']
      : targets.some(hasBar)
        ? ['虚线框长度：只在同一种东西的目标之间比较（百分比对照100%）']
        : []),
    ...(clean.some((d) => d.derived) ? [DERIVED_NOTE] : []),
  ];
  const noteLines = notes.flatMap((n) => wrap(n, width - 2, 12, 2));
  body.push(noteLines.map((n, i) => note(1, y + 10 + i * 17, n)).join(''));
  y += 10 + noteLines.length * 17;
  const description = `目标图，列出${targets.length}项目标：${targets.map((t) => `${t.label}${formatValue(t.value, t.unit, t.qualifier)}${currentOf(t) ? `（现有${formatValue(currentOf(t)!.value, currentOf(t)!.unit, currentOf(t)!.qualifier)}）` : ''}`).join('、')}。`;
  return {
    svg: frame({
      id: options.id,
      kind: 'target',
      title: options.title,
      description,
      width,
      height: y,
      body: body.join(''),
    }),
    description,
  };
}

export const targetKind = defineKind({ ...kindDeclarations.target, render: target });
