import { scaleUtc } from 'd3';
import { formatDate, formatValue, monthsBetween } from '../lib/format.ts';
import { defineKind } from './kind.ts';
import { baseOptions, optionsOrThrow } from './options.ts';
import { DERIVED_NOTE, FONT, emptyChart, frame, markOpen, note, r, text, textWidth, usable, wrap } from './svg.ts';
import type { ChartDatum, ChartOutput } from './types.ts';
import { z } from 'astro/zod';

export const timelineOptions = z.strictObject({ ...baseOptions });
export type TimelineOptions = z.input<typeof timelineOptions>;

/** Parses "2021", "2021-07" or "2021-09-01" to a UTC time; NaN when unreadable. */
function time(date: string): number {
  const [y, m = 1, d = 1] = date.split('-').map(Number);
  return y === undefined || Number.isNaN(y) ? NaN : Date.UTC(y, m - 1, d);
}

/** Prints what a row says at its date: its label, plus its value when it has a unit (e.g. 1200兆瓦). */
function eventText(d: ChartDatum): string {
  return d.unit && d.value ? `${d.label} ${formatValue(d.value, d.unit, d.qualifier)}` : d.label;
}

/** Places dated rows on a vertical time line (spacing follows time, pushed apart so labels never overlap); start/end rows of a group become a span with its length. */
export function timeline(data: readonly ChartDatum[], input: TimelineOptions): ChartOutput {
  const options = optionsOrThrow('timeline', timelineOptions, input);
  const width = options.width;
  const rows = usable(data.map((d) => ({ ...d, value: Number.isFinite(d.value) ? d.value : 0 })));
  const dated = rows.filter((d) => d.date && !Number.isNaN(time(d.date))).sort((a, b) => time(a.date!) - time(b.date!));
  if (dated.length === 0) return emptyChart('timeline', options, width);
  const undated = rows.filter((d) => !dated.includes(d));

  const dateX = 0;
  const dateW = Math.max(...dated.map((d) => textWidth(formatDate(d.date!))));
  const axisX = Math.min(dateW + 26, 124);
  const labelX = axisX + 14;
  const labelW = width - labelX - 2;
  const texts = dated.map((d) => wrap(eventText(d), labelW, FONT, 3));
  const ts = dated.map((d) => time(d.date!));
  const first = ts[0]!;
  const last = ts[ts.length - 1]!;
  const y = scaleUtc()
    .domain([first, last === first ? first + 1 : last])
    .range([18, 18 + Math.max(140, dated.length * 44)]);
  // Follow time, but never let an event's label run into the previous one.
  const ys: number[] = [];
  dated.forEach((_, i) => {
    const want = y(ts[i]!);
    ys.push(i === 0 ? want : Math.max(want, ys[i - 1]! + texts[i - 1]!.length * 16 + 12));
  });

  const body: string[] = [];
  // Spans: a start and an end row of the same group (or of no group), drawn as a thick segment beside the axis.
  const groups = [...new Set(dated.map((d) => d.group ?? ''))];
  const spanNotes: string[] = [];
  groups.forEach((g, lane) => {
    const start = dated.findIndex((d) => (d.group ?? '') === g && d.role === 'start');
    const end = dated.findIndex((d) => (d.group ?? '') === g && d.role === 'end');
    if (start < 0 || end < 0) return;
    const months = monthsBetween(dated[start]!.date!, dated[end]!.date!);
    const x = axisX - 7 - lane * 6;
    const printed = undated.find((d) => (d.group ?? '') === g && d.unit === '个月');
    body.push(
      `<rect class="span c${(lane % 6) + 1} shape" x="${r(x - 2)}" y="${r(ys[start]!)}" width="4" height="${r(ys[end]! - ys[start]!)}" aria-hidden="true"/>`,
    );
    if (!printed && months > 0)
      spanNotes.push(
        `${g ? `${g}：` : ''}${formatDate(dated[start]!.date!)}至${formatDate(dated[end]!.date!)}，历时${months}个月（计算值）`,
      );
  });
  body.push(
    `<line class="axis" x1="${axisX}" x2="${axisX}" y1="${r(ys[0]! - 8)}" y2="${r(ys[ys.length - 1]! + 8)}" aria-hidden="true"/>`,
  );
  dated.forEach((d, i) => {
    const planned = d.role === 'target' || d.role === 'plan';
    const c = `c${(groups.indexOf(d.group ?? '') % 6) + 1}`;
    body.push(
      `${markOpen(d, `${c}${planned ? ' planned' : ''}`, `${formatDate(d.date!)} ${eventText(d)}${d.derived ? '（计算值）' : ''}`)}` +
        `<circle class="shape" cx="${axisX}" cy="${r(ys[i]!)}" r="5"/>` +
        text(dateX, ys[i]! + 4.5, formatDate(d.date!), 'class="label date"') +
        text(labelX, ys[i]! + 4.5, texts[i]!, `class="label"`) +
        `</g>`,
    );
  });
  let bottom = ys[ys.length - 1]! + texts[texts.length - 1]!.length * 16 + 8;
  for (const d of undated) {
    const line = wrap(
      `${d.label}：${formatValue(d.value, d.unit, d.qualifier)}${d.derived ? '（计算值）' : ''}`,
      width - 2,
      FONT,
      2,
    );
    body.push(`${markOpen(d)}${text(1, bottom + 14, line, 'class="label"')}</g>`);
    bottom += line.length * 16 + 6;
  }
  const notes = [
    ...spanNotes,
    ...(dated.some((d) => d.role === 'target' || d.role === 'plan') ? ['空心圆：计划或目标'] : []),
    ...(rows.some((d) => d.derived) ? [DERIVED_NOTE] : []),
  ];
  const noteLines = notes.flatMap((n) => wrap(n, width - 2, 12, 2));
  body.push(noteLines.map((n, i) => note(1, bottom + 16 + i * 17, n)).join(''));
  const height = bottom + 6 + noteLines.length * 17 + (noteLines.length ? 6 : 0);
  const description =
    `时间线，按时间排列${dated.length}个节点，从${formatDate(dated[0]!.date!)}（${dated[0]!.label}）到${formatDate(dated[dated.length - 1]!.date!)}（${dated[dated.length - 1]!.label}）。` +
    spanNotes.map((s) => s.replace('（计算值）', '')).join('；') +
    (spanNotes.length ? '。' : '');
  return {
    svg: frame({
      id: options.id,
      kind: 'timeline',
      title: options.title,
      description,
      width,
      height,
      body: body.join(''),
    }),
    description,
  };
}

export const timelineKind = defineKind({
  name: 'timeline',
  use: {
    zh: '时间线：三个以上的日期，分清已发生与计划',
    en: 'three or more dates, what happened apart from what is planned',
  },
  options: timelineOptions,
  accepts: { relationship: 'sequence', minRows: 3, values: 'date' },
  render: timeline,
});
