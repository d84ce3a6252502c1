// The compiled MDX a production build keeps between builds (src/lib/mdx-cache.ts): a story is read back only while
// its path and text and the code that compiles it are what they were, so a rebuild never shows a stale story; the
// dev server compiles as before, and a cache that cannot be written costs only the time.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { cachedMdxPlugin, MDX_PLUGIN, mdxCacheDir, withMdxCache } from '../../src/lib/mdx-cache.ts';
import { tempFolders } from '../helpers/temp.ts';

const tempFolder = tempFolders('mdx');
const project = () => {
  const root = tempFolder();
  mkdirSync(join(root, 'src/lib'), { recursive: true });
  writeFileSync(join(root, 'src/lib/plugin.ts'), 'export const version = 1;\n');
  writeFileSync(join(root, 'astro.config.mjs'), 'export default {};\n');
  return root;
};

/** A stand-in for @astrojs/mdx's plugin that counts its compilations. Fiction, for the test only. */
function fakeMdx() {
  const calls: string[] = [];
  let ended = 0;
  const plugin = {
    name: MDX_PLUGIN,
    enforce: 'pre' as const,
    transform: {
      filter: { id: /\.mdx$/ },
      async handler(code: string, id: string) {
        calls.push(id);
        return { code: `/* compiled */ export default ${JSON.stringify(code)};`, map: null, meta: { astro: { id } } };
      },
    },
    buildEnd() {
      ended++;
    },
  };
  return { plugin, calls, ended: () => ended };
}

type Transform = (code: string, id: string) => Promise<{ code: string; map: unknown; meta: unknown }>;
const transformOf = (plugin: { transform?: unknown }) => (plugin.transform as { handler: Transform }).handler.bind({});
const endOf = (plugin: { buildEnd?: unknown }) => (plugin.buildEnd as (error?: Error) => void).bind({});

describe('the kept compiled stories', () => {
  it('are what the compiler returned, read back for the same path, text and code', async () => {
    const root = project();
    const first = fakeMdx();
    const compile = transformOf(cachedMdxPlugin(first.plugin, root));
    const made = await compile('# 合成示例', join(root, 'content/stories/a.mdx'));
    expect(made.code).toContain('compiled');
    expect(first.calls).toHaveLength(1);

    // The next build: the same story is read, an edited one and one at another path are compiled.
    const next = fakeMdx();
    const again = transformOf(cachedMdxPlugin(next.plugin, root));
    expect(await again('# 合成示例', join(root, 'content/stories/a.mdx'))).toEqual(made);
    expect(next.calls).toEqual([]);
    await again('# 合成示例（修订）', join(root, 'content/stories/a.mdx'));
    await again('# 合成示例', join(root, 'content/stories/b.mdx'));
    expect(next.calls).toHaveLength(2);
  });

  it('are compiled again after a change to the code that compiles them', async () => {
    const root = project();
    await transformOf(cachedMdxPlugin(fakeMdx().plugin, root))('# 合成示例', join(root, 'a.mdx'));
    for (const change of [
      () => writeFileSync(join(root, 'src/lib/plugin.ts'), 'export const version = 2;\n'),
      () => writeFileSync(join(root, 'astro.config.mjs'), 'export default { markdown: {} };\n'),
      () => writeFileSync(join(root, 'package-lock.json'), '{}\n'),
    ]) {
      change();
      const next = fakeMdx();
      await transformOf(cachedMdxPlugin(next.plugin, root))('# 合成示例', join(root, 'a.mdx'));
      expect(next.calls).toHaveLength(1);
    }
  });

  it('hold only what the last build used, and a failed build removes nothing', async () => {
    const root = project();
    const first = fakeMdx();
    const plugin = cachedMdxPlugin(first.plugin, root);
    for (const name of ['a', 'b']) await transformOf(plugin)(`# ${name}`, join(root, `${name}.mdx`));
    endOf(plugin)();
    expect(first.ended()).toBe(1);
    expect(readdirSync(mdxCacheDir(root))).toHaveLength(2);

    const failed = cachedMdxPlugin(fakeMdx().plugin, root);
    await transformOf(failed)('# a', join(root, 'a.mdx'));
    endOf(failed)(new Error('bundling failed'));
    expect(readdirSync(mdxCacheDir(root))).toHaveLength(2);

    const next = cachedMdxPlugin(fakeMdx().plugin, root);
    await transformOf(next)('# a', join(root, 'a.mdx'));
    endOf(next)();
    expect(readdirSync(mdxCacheDir(root))).toHaveLength(1);
  });

  it('compile every story when the cache cannot be written', async () => {
    const root = project();
    // A file where the cache's folder would be: no folder can be made there, whoever runs the build.
    mkdirSync(join(root, 'node_modules/.cache/shushuo'), { recursive: true });
    writeFileSync(mdxCacheDir(root), 'not a folder');
    for (let build = 0; build < 2; build++) {
      const mdx = fakeMdx();
      const plugin = cachedMdxPlugin(mdx.plugin, root);
      const made = await transformOf(plugin)('# 合成示例', join(root, 'a.mdx'));
      expect(made.code).toContain('compiled');
      expect(mdx.calls).toHaveLength(1);
      endOf(plugin)();
    }
  });
});

describe('withMdxCache', () => {
  /** An integration that registers the stand-in plugin, as @astrojs/mdx does, and what it was given. */
  function integration(pluginName = MDX_PLUGIN) {
    const seen: { plugins?: unknown[]; addPageExtension?: unknown; warnings: string[] } = { warnings: [] };
    const mdx = fakeMdx();
    mdx.plugin.name = pluginName;
    const inner: AstroIntegration = {
      name: '@astrojs/mdx',
      hooks: {
        'astro:config:setup': (params) => {
          seen.addPageExtension = (params as unknown as { addPageExtension?: unknown }).addPageExtension;
          params.updateConfig({ vite: { plugins: [mdx.plugin, { name: 'other' }] } });
        },
      },
    };
    return { inner, seen, mdx };
  }
  async function setup(command: 'build' | 'dev', pluginName?: string) {
    const root = project();
    const { inner, seen, mdx } = integration(pluginName);
    const params = {
      command,
      updateConfig: (c: { vite: { plugins: unknown[] } }) => (seen.plugins = c.vite.plugins),
      logger: { warn: (message: string) => seen.warnings.push(message) },
    };
    // Astro gives first-party integrations this option as a property that is not enumerable.
    Object.defineProperty(params, 'addPageExtension', { value: () => {}, enumerable: false });
    await withMdxCache(inner, root).hooks['astro:config:setup']!(params as never);
    return { root, seen, mdx };
  }

  it("wraps the MDX plugin of a production build and passes the hook's other options through", async () => {
    const { root, seen, mdx } = await setup('build');
    expect(seen.addPageExtension).toBeTypeOf('function');
    const [wrapped, other] = seen.plugins as [typeof mdx.plugin, { name: string }];
    expect(wrapped).not.toBe(mdx.plugin);
    expect(other).toEqual({ name: 'other' });
    for (let i = 0; i < 2; i++) await transformOf(wrapped)('# 合成示例', join(root, 'a.mdx'));
    expect(mdx.calls).toHaveLength(1);
    expect(seen.warnings).toEqual([]);
  });

  it('leaves the dev server compiling as before', async () => {
    const { seen, mdx } = await setup('dev');
    expect(seen.plugins![0]).toBe(mdx.plugin);
  });

  it('says so when the integration has no plugin of that name, and changes nothing', async () => {
    const { seen, mdx } = await setup('build', '@mdx-js/renamed');
    expect(seen.plugins![0]).toBe(mdx.plugin);
    expect(seen.warnings).toEqual([expect.stringContaining('compiled stories are not kept between builds')]);
  });
});
