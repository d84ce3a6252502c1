// The Content-Security-Policy of every built page, read statically (the browser test sees only what runs):
// the <meta> comes first in <head>, every inline script and <style> is hashed in the policy, every external
// script and stylesheet is on the site itself.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { builtPages } from '../helpers/pages.ts';

/** Parses a policy into directive → sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !map.has(name.toLowerCase())) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/** The problems with one page's policy; `html` is the page's source. */
function cspProblems(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const meta = doc.querySelector('meta[http-equiv="content-security-policy" i]');
  if (!meta) return ['no <meta http-equiv="content-security-policy">'];
  const problems: string[] = [];
  const policy = parsePolicy(meta.getAttribute('content') ?? '');
  const fallback = policy.get('default-src') ?? [];
  const scriptSrc = policy.get('script-src-elem') ?? policy.get('script-src') ?? fallback;
  const styleSrc = policy.get('style-src-elem') ?? policy.get('style-src') ?? fallback;
  if (!fallback.includes("'self'") || fallback.some((s) => s !== "'self'" && s !== "'none'")) {
    problems.push(`default-src should be 'self' only, is "${fallback.join(' ')}"`);
  }
  for (const [name, sources] of policy) {
    if (sources.includes("'unsafe-inline'") && name !== 'style-src-attr')
      problems.push(`${name} allows 'unsafe-inline'`);
    if (sources.includes("'unsafe-eval'")) problems.push(`${name} allows 'unsafe-eval'`);
    if (sources.some((s) => s === '*' || /^(https?:|\*\.|[a-z0-9-]+\.[a-z])/i.test(s)))
      problems.push(`${name} allows another host: ${sources.join(' ')}`);
  }
  // Everything that loads or runs code or styles must come after the policy in document order.
  const all = [...doc.querySelectorAll('*')];
  const at = all.indexOf(meta);
  for (const el of all.slice(0, at)) {
    const tag = el.tagName.toLowerCase();
    if (
      tag === 'script' ||
      tag === 'style' ||
      (tag === 'link' && /stylesheet|preload|modulepreload/.test(el.getAttribute('rel') ?? ''))
    ) {
      problems.push(`<${tag}> comes before the policy <meta>, so the policy does not govern it`);
    }
  }
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const isHashed = (sources: string[], text: string) => sources.includes(hash(text));
  for (const script of doc.querySelectorAll('script')) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue; // data blocks
    const src = script.getAttribute('src');
    if (src) {
      if (/^(?:[a-z]+:)?\/\//i.test(src)) problems.push(`external script from another origin: ${src}`);
    } else if (!isHashed(scriptSrc, script.textContent ?? '')) {
      problems.push(
        `inline script not hashed in the policy: ${hash(script.textContent ?? '')} ${(script.textContent ?? '').slice(0, 60)}…`,
      );
    }
  }
  for (const style of doc.querySelectorAll('style')) {
    if (!isHashed(styleSrc, style.textContent ?? ''))
      problems.push(`inline <style> not hashed in the policy: ${(style.textContent ?? '').slice(0, 60)}…`);
  }
  for (const link of doc.querySelectorAll('link[rel~="stylesheet"]')) {
    const h = link.getAttribute('href') ?? '';
    if (/^(?:[a-z]+:)?\/\//i.test(h)) problems.push(`stylesheet from another origin: ${h}`);
  }
  return problems;
}

describe('Content-Security-Policy in the built pages', () => {
  const pages = builtPages('dist');

  it('every page has a strict policy that comes first and covers all its inline scripts and styles', () => {
    expect(pages.length).toBeGreaterThan(5);
    const problems = pages.flatMap((p) =>
      cspProblems(readFileSync(join('dist', p.file), 'utf8')).map((m) => `${p.file}: ${m}`),
    );
    expect(problems).toEqual([]);
  });

  it('spots an unhashed inline script, a late policy and a third-party host (the check can fail)', () => {
    const html =
      `<!doctype html><html><head><script>var early=1</script>` +
      `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' https://cdn.example.com; style-src 'self' 'unsafe-inline'">` +
      `<style>p{}</style></head><body><script>alert(1)</script><script src="https://cdn.example.com/x.js"></script></body></html>`;
    const found = cspProblems(html).join('\n');
    expect(found).toMatch(/<script> comes before the policy/);
    expect(found).toMatch(/inline script not hashed.*alert\(1\)/);
    expect(found).toMatch(/script-src allows another host/);
    expect(found).toMatch(/style-src allows 'unsafe-inline'/);
    expect(found).toMatch(/external script from another origin/);
    expect(found).toMatch(/inline <style> not hashed/);
  });
});
