import { z } from 'astro/zod';
import { formatValue } from '../lib/format.ts';
import { STATUS_WORDS, tensesIn, type Status } from '../data/numbers.ts';
import { defineKind } from './kind.ts';
import { kindDeclarations, timelineOptions } from './kinds.ts';
import { optionsOrThrow } from './options.ts';
import {
  DERIVED_NOTE,
  FONT,
  SMALL,
  emptyChart,
  frame,
  markOpen,
  note,
  r,
  text,
  textWidth,
  usable,
  wrap,
} from './svg.ts';
import {
  findPrintedDate,
  formatPrinted,
  placeOf,
  printedDate,
  spanLength,
  spanPlaceOf,
  type PrintedDate,
} from './time.ts';
import type { ChartDatum, ChartOutput } from './types.ts';

export type TimelineOptions = z.input<typeof timelineOptions>;

interface Dated {
  d: ChartDatum;
  date: PrintedDate;
  at: number;
}

/** The status a row is drawn with: its own, else a target role, else an event that happened. */
function statusOf(d: ChartDatum): Status {
  return d.status ?? (d.role === 'target' ? 'target' : 'done');
}

/** Prints what a row says at its date, in its tense: 将正式投入使用 stays as printed, a bare plan gains （计划）. */
function eventText(d: ChartDatum): string {
  const status = statusOf(d);
  const base = d.unit && d.value ? `${d.label} ${formatValue(d.value, d.unit, d.qualifier)}` : d.label;
  const saysIt = tensesIn(d.label).some((t) => t.status === status);
  return status === 'done' || saysIt ? base : `${base}（${STATUS_WORDS[status]}）`;
}

/** Draws a status mark: filled (happened), half-filled (under way), hollow (planned), hollow dashed (target). */
function statusMark(status: Status, x: number, y: number): string {
  if (status === 'in-progress')
    return (
      `<circle class="ring" cx="${x}" cy="${r(y)}" r="5"/>` +
      `<path class="shape" d="M${x} ${r(y - 5)}A5 5 0 0 0 ${x} ${r(y + 5)}Z"/>`
    );
  return `<circle class="shape" cx="${x}" cy="${r(y)}" r="5"/>`;
}

/** The least step between rows: one line of label with room to breathe. */
const STEP_MIN = 36;

/** The legend line that says what vertical distance means (it means order only). */
export const SEQUENCE_NOTE = '纵向间距只表示先后顺序，不按时间比例';

/** Bold glyphs (the report's date) run about 5% wider than regular ones. */
const BOLD = 1.05;

const statusClass: Record<Status, string> = {
  done: 'status-done',
  'in-progress': 'status-in-progress',
  planned: 'planned status-planned',
  target: 'planned status-target',
};

const legend: Record<Status, string> = {
  done: '实心：已发生',
  'in-progress': '半实心：进行中',
  planned: '空心：计划',
  target: '虚线空心：目标',
};

/**
 * Lists dated rows down a vertical line in time order, evenly spaced (a sequence, not a time scale), each ordered
 * by the stretch its printed date stands for (2021年年底 in December, after 2021年11月末), with its status drawn
 * and worded; the report's date is a dashed line between what had happened and
 * what was planned; start/end rows of a group become a span counted as the report counts it.
 */
export function timeline(data: readonly ChartDatum[], input: TimelineOptions): ChartOutput {
  const options = optionsOrThrow('timeline', timelineOptions, input);
  const width = options.width;
  const rows = usable(data.map((d) => ({ ...d, value: Number.isFinite(d.value) ? d.value : 0 })));
  const dates = rows.flatMap((d) => {
    const date = d.date ? printedDate(d.date, d.datePosition) : undefined;
    return date ? [{ d, date }] : [];
  });
  if (dates.length === 0) return emptyChart('timeline', options, width);
  // A group's start and end rows make a span from the start of its first printed date to the end of its last
  // (2021年至2023年 runs from January 2021 to December 2023); every other row is ordered by its date's middle. So a
  // span's start row comes before the points inside its first date (2021年 before 2021年6月) and its end row after
  // those inside its last, and its bar runs from its start row to its end row. Its ends are rows, never a place
  // between rows: on an even sequence a bar ending "two thirds of the way" to the next row would claim a time
  // scale the axis doesn't have.
  const groupOf = (d: ChartDatum) => d.group ?? '';
  const spanEnds = new Map<ChartDatum, 'start' | 'end'>();
  const spanRows = new Map<string, { start: ChartDatum; end: ChartDatum }>();
  for (const g of new Set(dates.map((x) => groupOf(x.d)))) {
    const start = dates.find((x) => groupOf(x.d) === g && x.d.role === 'start');
    const end = dates.find((x) => groupOf(x.d) === g && x.d.role === 'end');
    if (start && end && start.date.from < end.date.to) {
      spanEnds.set(start.d, 'start');
      spanEnds.set(end.d, 'end');
      spanRows.set(g, { start: start.d, end: end.d });
    }
  }
  const dated: Dated[] = dates
    .map(({ d, date }) => {
      const end = spanEnds.get(d);
      return { d, date, at: end ? spanPlaceOf(date, end) : placeOf(date) };
    })
    .sort((a, b) => a.at - b.at);
  const placed = new Map(dated.map((x) => [x.d, x]));
  const undated = rows.filter((d) => !placed.has(d));
  const asOf = options.asOf ? findPrintedDate(options.asOf) : undefined;
  const groups = [...new Set(dated.map((x) => groupOf(x.d)))];
  // In the order of their groups' first rows on the time line.
  const spans = groups.flatMap((g) => {
    const ends = spanRows.get(g);
    return ends ? [{ g, start: placed.get(ends.start)!, end: placed.get(ends.end)!, lane: 0 }] : [];
  });
  // Spans that overlap in time stand side by side; one that starts after another ended reuses its lane.
  const laneEnds: number[] = [];
  for (const sp of [...spans].sort((a, b) => a.start.at - b.start.at)) {
    const free = laneEnds.findIndex((t) => t < sp.start.at);
    sp.lane = free < 0 ? laneEnds.length : free;
    laneEnds[sp.lane] = sp.end.at;
  }

  // Left to right: the printed dates, the span lanes, the time line with its dots, the labels. Nothing overlaps:
  // the date column is as wide as its longest date (the report's date in bold), the lanes sit between it and the dots.
  type Item = { kind: 'event'; e: Dated; lines: string[] } | { kind: 'as-of'; at: number; lines: string[] };
  const dateW = Math.max(
    ...dated.map((x) => textWidth(formatPrinted(x.date))),
    asOf ? textWidth(asOf.printed) * BOLD : 0,
  );
  const LANE = 7;
  const lanes = laneEnds.length;
  // 9 px between the longest date and the first lane: real digits run up to 6% wider than the estimate.
  const axisX = Math.ceil(dateW + (lanes ? 20 + (lanes - 1) * LANE : 14));
  const laneX = (lane: number) => axisX - 9 - lane * LANE;
  const labelX = axisX + 14;
  const labelW = width - labelX - 2;
  const items: Item[] = dated.map((e) => ({ kind: 'event', e, lines: wrap(eventText(e.d), labelW, FONT, 3) }));
  if (asOf) {
    const at = asOf.date.to - 1;
    const i = items.findIndex((it) => it.kind === 'event' && it.e.at > at);
    items.splice(i < 0 ? items.length : i, 0, {
      kind: 'as-of',
      at,
      lines: wrap('报道时：此前已发生，此后为计划', labelW, SMALL, 2),
    });
  }
  // Rows are a sequence, not a time scale: every row (the report's date included) is one step further down,
  // whatever the time between them. The report's dates cluster in 2021 with a target in 2025, and a partly scaled
  // axis (to scale until labels collide) makes 2020→2021 look like 2021年6月→7月: a reader can't tell whether a
  // distance means time. One even step, as tall as the tallest label needs, and the legend says so; the printed
  // dates and the 共N年 counts carry the durations.
  const need = (it: Item) => it.lines.length * 16 + (it.kind === 'as-of' ? 18 : 12);
  const step = Math.max(STEP_MIN, ...items.map(need));
  const ys = items.map((_, i) => 18 + i * step);
  const yOf = (e: Dated) => ys[items.findIndex((it) => it.kind === 'event' && it.e === e)]!;
  const asOfIndex = items.findIndex((it) => it.kind === 'as-of');
  // The dashed line runs under the as-of label's last line.
  const asOfY = asOfIndex >= 0 ? ys[asOfIndex]! + 10 + (items[asOfIndex]!.lines.length - 1) * 16 : undefined;

  const body: string[] = [];
  const spanNotes: string[] = [];
  for (const { g, start, end, lane } of spans) {
    const { count, unit } = spanLength(start.date, end.date);
    const x = laneX(lane);
    const y0 = yOf(start);
    const y1 = yOf(end);
    // Solid up to the report's date, an outline after it: the span is part done, part planned.
    const split = asOfY !== undefined && asOfY > y0 && asOfY < y1 ? asOfY : statusOf(end.d) === 'done' ? y1 : y0;
    body.push(
      `<g class="span c${(groups.indexOf(g) % 6) + 1}" aria-hidden="true">` +
        (split > y0 ? `<rect class="shape" x="${r(x - 2)}" y="${r(y0)}" width="4" height="${r(split - y0)}"/>` : '') +
        (y1 > split
          ? `<rect class="ring" x="${r(x - 1.5)}" y="${r(split)}" width="3" height="${r(y1 - split)}"/>`
          : '') +
        `</g>`,
    );
    const printed = undated.find((d) => groupOf(d) === g && (d.unit === '个月' || d.unit === '年'));
    if (!printed && count > 0)
      spanNotes.push(
        `${g ? `${g}：` : ''}${formatPrinted(start.date)}至${formatPrinted(end.date)}，共${count}${unit}（计算值）`,
      );
  }
  body.push(
    `<line class="axis" x1="${axisX}" x2="${axisX}" y1="${r(ys[0]! - 8)}" y2="${r(ys[ys.length - 1]! + 8)}" aria-hidden="true"/>`,
  );
  items.forEach((it, i) => {
    const y = ys[i]!;
    if (it.kind === 'as-of') {
      // An event printed with the report's own date (记者采访 9月1日) already shows it just above: print it once.
      const prev = items[i - 1];
      const shown = prev?.kind === 'event' && formatPrinted(prev.e.date) === asOf!.printed;
      body.push(
        `<g class="as-of" aria-hidden="true">` +
          (shown ? '' : text(0, y + 4.5, asOf!.printed, 'class="label date strong"')) +
          text(labelX, y + 4.5, it.lines, 'class="label small"') +
          `<line class="as-of-line" x1="0" x2="${width}" y1="${r(asOfY!)}" y2="${r(asOfY!)}"/></g>`,
      );
      return;
    }
    const { d, date } = it.e;
    const status = statusOf(d);
    const c = `c${(groups.indexOf(groupOf(d)) % 6) + 1}`;
    const when = formatPrinted(date);
    body.push(
      `${markOpen(d, `${c} ${statusClass[status]}`, `${when} ${eventText(d)}${d.derived ? '（计算值）' : ''}`)}` +
        statusMark(status, axisX, y) +
        text(0, y + 4.5, when, 'class="label date"') +
        text(labelX, y + 4.5, it.lines, `class="label"`) +
        `</g>`,
    );
  });
  let bottom = ys[ys.length - 1]! + items[items.length - 1]!.lines.length * 16 + 8;
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
  const present = new Set(dated.map((x) => statusOf(x.d)));
  const notes = [
    SEQUENCE_NOTE,
    ...spanNotes,
    (['done', 'in-progress', 'planned', 'target'] as const)
      .filter((s) => present.has(s))
      .map((s) => legend[s])
      .join('；'),
    ...(asOf ? [`横虚线：报道时间（${asOf.printed}）`] : []),
    ...(rows.some((d) => d.derived) ? [DERIVED_NOTE] : []),
  ].filter(Boolean);
  const noteLines = notes.flatMap((n) => wrap(n, width - 2, 12, 2));
  body.push(noteLines.map((n, i) => note(1, bottom + 16 + i * 17, n)).join(''));
  const height = bottom + 6 + noteLines.length * 17 + (noteLines.length ? 6 : 0);

  const firstE = dated[0]!;
  const lastE = dated[dated.length - 1]!;
  const count = (s: Status) => dated.filter((x) => statusOf(x.d) === s).length;
  const tally = (['done', 'in-progress', 'planned', 'target'] as const)
    .filter((s) => count(s))
    .map((s) => `${STATUS_WORDS[s]}${count(s)}项`)
    .join('、');
  const description =
    `时间线，按先后顺序等距排列${dated.length}个节点（间距不表示时长），从${formatPrinted(firstE.date)}（${firstE.d.label}）到${formatPrinted(lastE.date)}（${lastE.d.label}）：${tally}。` +
    (asOf ? `报道时间为${asOf.printed}。` : '') +
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

export const timelineKind = defineKind({ ...kindDeclarations.timeline, render: timeline });
