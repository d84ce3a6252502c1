import { range } from 'd3';
import { formatValue } from '../lib/format.ts';
import { defineKind } from './kind.ts';
import { kindDeclarations, loopOptions } from './kinds.ts';
import { optionsOrThrow } from './options.ts';
import { FONT, emptyChart, frame, markOpen, note, r, text, usable, wrap } from './svg.ts';
import type { ChartDatum, ChartOutput } from './types.ts';
import { z } from 'astro/zod';

export type LoopOptions = z.input<typeof loopOptions>;

const kindName: Record<string, string> = {
  water: '水系',
  axis: '轴线',
  route: '线路',
  road: '线路',
  area: '片区',
  node: '节点',
};

/** Names a row's part of the diagram for its tooltip: 西半线：轴线. */
function loopTip(d: ChartDatum): string {
  const part = d.role === 'start' ? '起点' : (kindName[d.group ?? 'node'] ?? '节点');
  return `${d.label}：${part}${d.unit && d.value ? `，${formatValue(d.value, d.unit, d.qualifier)}` : ''}`;
}

/** Draws a loop schematic from named parts (such as a report's 一水、双轴、四区、多点): a closed route whose sides are the axes and roads, the river across it, area boxes and named nodes — not a map (no north, no scale, no coordinates). */
export function loop(data: readonly ChartDatum[], input: LoopOptions): ChartOutput {
  const options = optionsOrThrow('loop', loopOptions, input);
  const width = options.width;
  const rows = usable(data.map((d) => ({ ...d, value: Number.isFinite(d.value) ? d.value : 0 })));
  if (rows.length === 0) return emptyChart('loop', options, width);
  const of = (...groups: string[]) => rows.filter((d) => groups.includes(d.group ?? ''));
  const waters = of('water');
  const axes = of('axis');
  const roads = of('route', 'road');
  const areas = of('area');
  const nodes = rows.filter((d) => !['water', 'axis', 'route', 'road', 'area'].includes(d.group ?? ''));
  const start = nodes.find((d) => d.role === 'start');
  // The loop has four sides: the axes first, then the other roads; any further road is listed like a node.
  const sides = [...axes, ...roads];
  const stops = [...nodes.filter((d) => d !== start), ...sides.slice(4)];

  const L = 26;
  const R = width - 26;
  const T = 40;
  const inner = R - L;
  let y = T + 26;
  const parts: string[] = [];

  if (start) {
    const lines = wrap(`起点：${start.label}`, inner - 24, FONT, 2);
    parts.push(
      `${markOpen(start, 'c2', loopTip(start))}<rect class="shape start" x="${L - 6}" y="${r(y - 10)}" width="12" height="12"/>${text(L + 12, y, lines, 'class="label strong"')}</g>`,
    );
    y += lines.length * 16 + 14;
  }
  const areaRows = range(0, areas.length, 2).map((i) => areas.slice(i, i + 2));
  const drawAreas = (list: ChartDatum[][]) => {
    for (const pair of list) {
      const boxW = (inner - 28 - 12) / 2;
      const labelled = pair.map((d) => wrap(d.label, boxW - 8, FONT, 2));
      const h = Math.max(...labelled.map((l) => l.length)) * 16 + 16;
      pair.forEach((d, i) => {
        const x = L + 14 + i * (boxW + 12);
        const lines = labelled[i]!;
        parts.push(
          `${markOpen(d, 'c3', loopTip(d))}<rect class="area-box" x="${r(x)}" y="${r(y)}" width="${r(boxW)}" height="${h}" rx="6"/>` +
            `${text(x + boxW / 2, y + h / 2 + 4.5 - (lines.length - 1) * 8, lines, 'class="label" text-anchor="middle"')}</g>`,
        );
      });
      y += h + 14;
    }
  };
  let side = 0;
  const drawNodes = (list: ChartDatum[]) => {
    for (const d of list) {
      const left = side++ % 2 === 0;
      // A node that carries a figure (闭环全长 约60公里) prints it, so the diagram is complete without JS.
      const name = d.unit && d.value ? `${d.label} ${formatValue(d.value, d.unit, d.qualifier)}` : d.label;
      const lines = wrap(name, inner - 30, FONT, 2);
      const cx = left ? L : R;
      const tx = left ? L + 12 : R - 12;
      parts.push(
        `${markOpen(d, 'c4', loopTip(d))}<circle class="shape" cx="${cx}" cy="${r(y - 4.5)}" r="5"/>${text(tx, y, lines, `class="label"${left ? '' : ' text-anchor="end"'}`)}</g>`,
      );
      y += lines.length * 16 + 10;
    }
  };
  drawAreas(areaRows.slice(0, Math.ceil(areaRows.length / 2)));
  drawNodes(stops.slice(0, Math.ceil(stops.length / 2)));
  let waterY = 0;
  for (const w of waters) {
    const wy = y + 14;
    waterY ||= wy;
    const wave =
      `M0 ${r(wy)}` +
      range(0, Math.ceil(width / 20))
        .map(() => 'q5 -5 10 0t10 0')
        .join('');
    parts.push(
      `${markOpen(w, 'c1', loopTip(w))}<path class="water" d="${wave}"/>${text(width / 2, wy - 9, `水系：${w.label}`, 'class="label strong" text-anchor="middle"')}</g>`,
    );
    y += 40;
  }
  drawNodes(stops.slice(Math.ceil(stops.length / 2)));
  drawAreas(areaRows.slice(Math.ceil(areaRows.length / 2)));
  const B = y + 4;

  // Vertical side labels sit above the river so the wave never crosses them.
  const sideY = waterY ? (T + waterY - 12) / 2 : (T + B) / 2;
  const segs = [
    { d: `M${L} ${T}H${R}`, tx: (L + R) / 2, ty: T - 10, vertical: false },
    { d: `M${R} ${T}V${r(B)}`, tx: R + 15, ty: sideY, vertical: true },
    { d: `M${R} ${r(B)}H${L}`, tx: (L + R) / 2, ty: B + 22, vertical: false },
    { d: `M${L} ${r(B)}V${T}`, tx: L - 15, ty: sideY, vertical: true },
  ];
  const sideMarks = segs.map((s, i) => {
    const d = sides[i];
    if (!d) return `<path class="route" d="${s.d}" aria-hidden="true"/>`;
    const isAxis = d.group === 'axis';
    const label = isAxis ? `${d.label}（轴线）` : d.label;
    const attrs = s.vertical
      ? 'class="label side" text-anchor="middle" writing-mode="tb"'
      : 'class="label side" text-anchor="middle"';
    return `${markOpen(d, isAxis ? 'c2' : 'c5', loopTip(d))}<path class="route${isAxis ? ' axis-road' : ''}" d="${s.d}"/>${text(s.tx, s.ty, label, attrs)}</g>`;
  });
  const height = B + 34 + 2 * 18;
  const notes = [
    note(1, height - 22, '示意图：只表示串联关系，不按比例，非地图'),
    note(1, height - 4, `粗线为轴线（${axes.length}条），方框为片区，圆点为节点`),
  ];
  const body = sideMarks.join('') + parts.join('') + notes.join('');

  const list = (xs: ChartDatum[]) => xs.map((d) => d.label).join('、');
  const description =
    // Everything here comes from the rows and the title: the same kind draws any report's schematic.
    `示意图（非地图）：${options.title}。` +
    (start ? `环线以${start.label}为起点，` : '环线') +
    (axes.length ? `沿${list(axes)}${axes.length}条轴线` : '') +
    (roads.length ? `，经${list(roads)}` : '') +
    (areas.length ? `，串联${list(areas)}${areas.length}个片区` : '') +
    (stops.length ? `，途经${list(stops)}等${stops.length}个节点` : '') +
    (waters.length ? `；水系：${list(waters)}` : '') +
    '。';
  return {
    svg: frame({ id: options.id, kind: 'loop', title: options.title, description, width, height, body }),
    description,
  };
}

export const loopKind = defineKind({ ...kindDeclarations.loop, render: loop });
