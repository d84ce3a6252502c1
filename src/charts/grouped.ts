import { horizontalBars, type BarItem } from './bars.ts';
import { labelled } from './describe.ts';
import { defineKind } from './kind.ts';
import { kindDeclarations, groupedOptions } from './kinds.ts';
import { optionsOrThrow } from './options.ts';
import { emptyChart, tip, usable } from './svg.ts';
import type { ChartDatum, ChartOutput } from './types.ts';
import { z } from 'astro/zod';

export type GroupedOptions = z.input<typeof groupedOptions>;

/** Draws horizontal bars clustered under a heading per `group`; bars of the same label share a colour. */
export function grouped(data: readonly ChartDatum[], input: GroupedOptions): ChartOutput {
  const options = optionsOrThrow('grouped', groupedOptions, input);
  const width = options.width;
  const clean = usable(data);
  if (clean.length === 0) return emptyChart('grouped', options, width);
  const groups = [...new Set(clean.map((d) => d.group ?? ''))];
  const labels = [...new Set(clean.map((d) => d.label))];
  // Labels that repeat across groups are series (colour by label); otherwise each group gets its colour.
  const series = labels.length < clean.length;
  const items: BarItem[] = [];
  for (const [gi, g] of groups.entries()) {
    if (g) items.push({ heading: g });
    for (const d of clean.filter((x) => (x.group ?? '') === g)) {
      items.push({
        datum: d,
        colour: ((series ? labels.indexOf(d.label) : gi) % 6) + 1,
        tip: g ? `${g} · ${tip(d)}` : undefined,
      });
    }
  }
  const max = clean.reduce((a, b) => (b.value > a.value ? b : a));
  const what = options.subject ?? '数值';
  const description =
    `分组条形图，分${groups.length}组比较${clean.length}项${what}。` +
    (new Set(clean.map((d) => d.unit)).size === 1
      ? `最大的是${max.group ? `${max.group}的` : ''}${labelled(max)}。`
      : '各项单位不同，数值见图中标注。');
  const svg = horizontalBars('grouped', items, { id: options.id, title: options.title, width, description });
  return { svg, description };
}

export const groupedKind = defineKind({ ...kindDeclarations.grouped, render: grouped });
