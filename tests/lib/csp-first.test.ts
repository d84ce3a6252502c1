// The policy <meta> must come before anything it governs: src/lib/csp-first.ts moves it right after the charset.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ownHashesOnly, policyFirst } from '../../src/lib/csp-first.ts';

const csp = '<meta http-equiv="content-security-policy" content="default-src \'self\'">';

describe('policyFirst', () => {
  it('moves the policy right after <meta charset>', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><script>1</script><title>t</title>${csp}</head><body></body></html>`;
    expect(policyFirst(html)).toBe(
      `<!doctype html><html><head><meta charset="utf-8">${csp}<script>1</script><title>t</title></head><body></body></html>`,
    );
  });
  it('leaves a page without a policy, or with it already first, as it is', () => {
    const none = '<html><head><meta charset="utf-8"><title>t</title></head></html>';
    expect(policyFirst(none)).toBe(none);
    const first = `<html><head><meta charset="utf-8">${csp}<title>t</title></head></html>`;
    expect(policyFirst(first)).toBe(first);
  });
});

describe('ownHashesOnly', () => {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const elsewhere = hash('other page');
  const page = (body: string) =>
    `<html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'; ` +
    `script-src 'self' ${elsewhere} ${hash('a()')}; style-src-elem 'self' ${elsewhere}; style-src-attr 'unsafe-inline';">` +
    `</head><body>${body}</body></html>`;

  it("lists exactly the page's own inline scripts and styles, not the rest of the site's", () => {
    const out = ownHashesOnly(
      page(
        '<script>a()</script><script type="module">b()</script><script src="/x.js"></script>' +
          '<script type="application/json">{}</script><style>p{}</style>',
      ),
    );
    expect(out).toContain(`script-src 'self' ${hash('a()')} ${hash('b()')};`);
    expect(out).toContain(`style-src-elem 'self' ${hash('p{}')};`);
    expect(out).not.toContain(elsewhere);
    expect(out).not.toContain(hash('{}'));
    expect(out).toContain("default-src 'self'; ");
    expect(out).toContain("style-src-attr 'unsafe-inline';");
  });
  it('leaves only the sources when the page has no inline code, and a page without a policy as it is', () => {
    expect(ownHashesOnly(page(''))).toContain("script-src 'self'; style-src-elem 'self';");
    const none = '<html><head><script>a()</script></head></html>';
    expect(ownHashesOnly(none)).toBe(none);
  });
});
