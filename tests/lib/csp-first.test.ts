// The policy <meta> must come before anything it governs: src/lib/csp-first.ts moves it right after the charset.
import { describe, expect, it } from 'vitest';
import { policyFirst } from '../../src/lib/csp-first.ts';

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
