import { describe, expect, it } from 'vitest';
import { progress } from '../../src/charts/progress.ts';
import { expectMarksFor, marks } from './expect-chart.ts';
import { investment, logistics } from './fixtures.ts';
import { expectSnapshot } from './snapshot.ts';

describe('progress', () => {
  it('shows the part against its total with the share', () => {
    const out = progress(investment, { id: 'invest', title: '结构调整投资进度' });
    const found = expectMarksFor(out.svg, investment);
    expect(found.get('done')!.textContent).toContain('23.6亿元');
    expect(found.get('done')!.textContent).toContain('占28.0%');
    expect(found.get('total')!.textContent).toContain('结构调整总投资84.4亿元');
    expect(found.get('done')!.getAttribute('data-tip')).toBe('完成投资：23.6亿元，占结构调整总投资84.4亿元的28.0%');
    expect(out.description).toBe('进度条图，显示部分占整体的比例。完成投资23.6亿元，占结构调整总投资84.4亿元的28.0%。');
  });

  it('draws the filled part in proportion to the track', () => {
    const g = marks(progress(investment, { id: 'invest', title: '进度' }).svg).get('done')!;
    const width = Number(g.querySelector('rect.shape')!.getAttribute('width'));
    expect(width / 318).toBeCloseTo(23.6 / 84.4, 2);
  });

  it('gives each part its own track against a shared total, drawing the total once', () => {
    const out = progress(logistics, { id: 'log', title: '物流项目' });
    expectMarksFor(out.svg, logistics);
    expect(out.svg.match(/data-key="total"/g)!.length).toBe(1);
    expect(out.svg).toContain('占38.9%');
    expect(out.svg).toContain('占33.3%');
  });

  it('matches its snapshot', () => {
    expectSnapshot('progress-investment', progress(investment, { id: 'invest', title: '结构调整投资进度' }).svg);
  });
});
