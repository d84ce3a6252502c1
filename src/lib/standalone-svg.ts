/** Makes a chart's inline SVG stand alone as a file: the light-theme chart colours and a background inlined. */
import chartsCss from '../styles/charts.css?raw';

/** Returns the top-level CSS rules that say nothing of the dark theme or printing. */
export function lightRules(css: string): string {
  const rules: string[] = [];
  let depth = 0;
  let start = 0;
  const source = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) {
      const rule = source.slice(start, i + 1).trim();
      if (!/dark|print/.test(rule)) rules.push(rule);
      start = i + 1;
    }
  }
  return rules.join('\n');
}

let style: string | undefined;

/** Inserts a <style> with the chart colours (light theme) and a paper background after the <svg> start tag. */
export function standaloneSvg(svg: string): string {
  style ??= `<style>${lightRules(chartsCss).replace(/:root/g, 'svg')}\nsvg{background:#fdfcf9;color:#1d1d1b;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}</style>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.replace(/^(<svg\b[^>]*>)/, `$1${style}`)}\n`;
}
