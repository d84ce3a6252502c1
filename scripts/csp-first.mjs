#!/usr/bin/env node
// Build step: moves each page's Content-Security-Policy <meta> to the top of <head> (right after <meta charset>).
// Astro writes it after the page's own head elements, and a policy only governs what comes after it: an inline
// script placed early in <head> (the theme script) would otherwise run unchecked. Folder: OUT_DIR (the staging dir).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.OUT_DIR;
if (!dir) throw new Error('csp-first: OUT_DIR is not set');

const files = (d) =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(d, e.name)) : e.name.endsWith('.html') ? [join(d, e.name)] : [],
  );

let moved = 0;
for (const file of files(dir)) {
  const html = readFileSync(file, 'utf8');
  const meta = /<meta http-equiv="content-security-policy"[^>]*>/i.exec(html);
  if (!meta) continue;
  const without = html.slice(0, meta.index) + html.slice(meta.index + meta[0].length);
  const charset = /<head>\s*(<meta charset="[^"]*">)?/i.exec(without);
  if (!charset || charset.index > meta.index) continue;
  const at = charset.index + charset[0].length;
  const next = without.slice(0, at) + meta[0] + without.slice(at);
  if (next !== html) {
    writeFileSync(file, next);
    moved += 1;
  }
}
console.log(`csp-first: policy moved to the top of <head> in ${moved} page(s)`);
