/**
 * Chart rendering cost, measured directly: each chart kind of src/charts/index.ts renders the synthetic dataset
 * many times in this process (after a warm-up), the way the build calls it once per chart.
 */
import { join } from 'node:path';
import { familyFor, syntheticDataset } from './synthetic.ts';
import { benchFamilies } from './scale.ts';

export interface RenderCost {
  ok: boolean;
  note: string;
  /** Mean ms per render after warm-up, by kind. */
  perKind: Record<string, number>;
  /** The first render of the first kind, cold (module just loaded). */
  firstMs: number | null;
  meanMs: number | null;
  worstMs: number | null;
  iterations: number;
}

export async function chartRenderCost(root: string, iterations = 300): Promise<RenderCost> {
  const empty = { perKind: {}, firstMs: null, meanMs: null, worstMs: null, iterations };
  type Render = (data: unknown, options: Record<string, string>) => { svg: string };
  // Each registry entry is a kind definition whose render is the pure chart function.
  let kinds: Record<string, Render | { render: Render }>;
  try {
    kinds = (await import(join(root, 'src/charts/index.ts'))).chartKinds;
    if (!kinds || !Object.keys(kinds).length) throw new Error('no chartKinds exported');
  } catch (error) {
    return { ok: false, note: `src/charts/index.ts not usable: ${(error as Error).message.split('\n')[0]}`, ...empty };
  }
  const families = benchFamilies(root);
  const dataset = syntheticDataset(1, families);
  let toData: (kind: string) => unknown;
  let note = 'rows of the synthetic stories, through src/data/chart-data.ts toChartData()';
  try {
    const { toChartData } = await import(join(root, 'src/data/chart-data.ts'));
    toData = (kind) =>
      toChartData(
        dataset,
        families[familyFor(kind, families)]!.map((r) => r.id),
      );
  } catch (error) {
    toData = (kind) => families[familyFor(kind, families)]!.map((r) => ({ ...r, key: r.id }));
    note = `toChartData unavailable (${(error as Error).message.split('\n')[0]}); rows passed as they are`;
  }
  const perKind: Record<string, number> = {};
  let firstMs: number | null = null;
  const errors: string[] = [];
  for (const [kind, entry] of Object.entries(kinds)) {
    const render = typeof entry === 'function' ? entry : entry.render;
    try {
      const data = toData(kind);
      const options = { id: `bench-${kind}`, title: `合成图表：${kind}` };
      const t0 = performance.now();
      render(data, options);
      firstMs ??= performance.now() - t0;
      for (let i = 0; i < 20; i++) render(data, options);
      const t1 = performance.now();
      for (let i = 0; i < iterations; i++) render(data, { ...options, id: `bench-${kind}-${i}` });
      perKind[kind] = (performance.now() - t1) / iterations;
    } catch (error) {
      errors.push(`${kind}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  const values = Object.values(perKind);
  return {
    ok: values.length > 0,
    note: errors.length ? `${note}; failed: ${errors.join('; ')}` : note,
    perKind,
    firstMs,
    meanMs: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
    worstMs: values.length ? Math.max(...values) : null,
    iterations,
  };
}
