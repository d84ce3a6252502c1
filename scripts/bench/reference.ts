/**
 * The reference build of the build-cost benchmark: a bare Astro 7 site of the same synthetic MDX stories with the
 * same build-time charts (the site's own chart functions, src/charts/, fed the same rows), and nothing else: no
 * layout, share images, embeds, standalone SVGs, search index or CSP, each chart drawn once (the site draws it at
 * two layout widths besides). The site's build is reported as a ratio to
 * this one, measured in the same run, so a busy machine slows both alike.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { toChartData } from '../../src/data/chart-data.ts';
import type { Dataset } from '../../src/data/dataset-schema.ts';
import type { DataRow, Family } from './synthetic.ts';

const files: Record<string, string> = {
  'package.json': '{ "name": "bench-reference", "private": true, "type": "module" }\n',
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
export default defineConfig({ integrations: [mdx()] });
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { stories: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/stories' }) }) };
`,
  'src/pages/stories/[id].astro': `---
import { getCollection, render } from 'astro:content';
import Chart from '../../components/Chart.astro';
import Src from '../../components/Src.astro';
export async function getStaticPaths() {
  return (await getCollection('stories')).map((story) => ({ params: { id: story.id }, props: { story } }));
}
const { story } = Astro.props;
const { Content } = await render(story);
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>{story.data.title}</title></head>
<body><h1>{story.data.title}</h1><Content components={{ Chart, Src }} /></body></html>
`,
  'src/components/Src.astro': `---
const { p } = Astro.props;
---
<a href={\`/source/#\${p}\`}>原文</a>
`,
  'src/components/Chart.astro': `---
import * as charts from '../charts/index.ts';
import rows from '../rows.json';
const { id, kind, rows: ids, title, takeaway } = Astro.props;
const byKey = new Map(rows.map((r) => [r.key, r]));
const data = ids.split(',').map((k) => byKey.get(k));
// The kind registry's renderer (src/charts/index.ts renderKind), or a kind's function in older registries.
const { svg } = charts.renderKind ? charts.renderKind(kind, data, { id, title }) : charts.chartKinds[kind](data, { id, title });
---
<figure><figcaption>{title}<p>{takeaway}</p></figcaption><Fragment set:html={svg} /></figure>
`,
};

/**
 * Creates the reference project in a temporary folder: the site's chart code (src/charts/ and the modules it uses),
 * the chart rows of every row family, and the given MDX stories. Packages are linked from the project's
 * node_modules. Returns the folder and a remover.
 */
export function referenceProject(
  projectRoot: string,
  families: Partial<Record<Family, DataRow[]>>,
  stories: { id: string; mdx: string }[],
): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'shushuo-reference-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  // The site's modules, so the chart code finds whatever it imports; only what the charts import is bundled.
  const siteOnly = new Set(['pages', 'layouts', 'components', 'middleware.ts', 'content.config.ts']);
  cpSync(join(projectRoot, 'src'), join(dir, 'src'), {
    recursive: true,
    force: false,
    filter: (from) => !siteOnly.has(from.slice(join(projectRoot, 'src').length + 1).split(/[\\/]/)[0]!),
  });
  // The same chart data the site draws: rows turned into chart data by the site's own function.
  const rows = toChartData({ rows: Object.values(families).flat() } as unknown as Dataset);
  writeFileSync(join(dir, 'src/rows.json'), JSON.stringify(rows));
  mkdirSync(join(dir, 'content/stories'), { recursive: true });
  for (const s of stories) writeFileSync(join(dir, 'content/stories', `${s.id}.mdx`), s.mdx);
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(resolve(projectRoot, 'node_modules'))) {
    if (!['.astro', '.vite', '.cache'].includes(entry))
      symlinkSync(resolve(projectRoot, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
