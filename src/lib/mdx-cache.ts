/**
 * The compiled MDX stories, kept between production builds in node_modules/.cache/shushuo/mdx/ (git-ignored; delete
 * it freely). Every build bundles every story, and compiling each story's MDX to JavaScript (Sätteri, through
 * @astrojs/mdx's Vite plugin) took about 0.6 s of the bundler's main thread at 1,000 stories (CPU profile of a
 * rebuild); a rebuild after one story changed now compiles that story and reads the rest.
 *
 * An entry is kept under a key over the story's path and text and over everything else its compiled form rests on:
 * the lockfile (the compiler's version), astro.config.mjs (the Markdown and MDX options) and src/ (any plugin a
 * config might import). A build keeps only the entries it used, so the folder holds what the stories are now.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { PluginOption } from 'vite';
import { contentKey, fileHash, filesKey, filesUnder } from './keys.ts';

/** The name of @astrojs/mdx's Vite plugin, the one that compiles `.mdx` files. */
export const MDX_PLUGIN = '@mdx-js/rolldown';

const VERSION = 1;

/** What the MDX plugin's transform returns, as kept. */
interface Compiled {
  code: string;
  map: null;
  meta: unknown;
}

type TransformHandler = (this: unknown, code: string, id: string, ...rest: unknown[]) => Promise<unknown> | unknown;

interface VitePluginLike {
  name?: string;
  transform?: { handler: TransformHandler; [k: string]: unknown } | TransformHandler;
  buildEnd?: ((this: unknown, error?: Error) => unknown) | { handler: (this: unknown, error?: Error) => unknown };
}

/** The key of everything but the story that a compiled story rests on (read once, when the first story is asked). */
export function mdxCodeKey(root: string): string {
  const files = [...filesUnder(join(root, 'src')), join(root, 'package-lock.json'), join(root, 'astro.config.mjs')];
  return filesKey(root, files, fileHash);
}

/** A folder of compiled stories: get and put by key, and prune to the keys a build used. */
function mdxStore(dir: string) {
  const used = new Set<string>();
  let made = false;
  return {
    get(key: string): Compiled | undefined {
      try {
        const kept = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as Partial<Compiled> & {
          version?: number;
        };
        if (kept.version !== VERSION || typeof kept.code !== 'string') return undefined;
        used.add(key);
        return { code: kept.code, map: null, meta: kept.meta };
      } catch {
        return undefined;
      }
    },
    put(key: string, value: Compiled) {
      try {
        if (!made) mkdirSync(dir, { recursive: true });
        made = true;
        // Written under a temporary name, then renamed: a build stopped halfway leaves no half file.
        const partial = join(dir, `${key}.${process.pid}.partial`);
        writeFileSync(partial, JSON.stringify({ version: VERSION, ...value }));
        renameSync(partial, join(dir, `${key}.json`));
        used.add(key);
      } catch {
        // A cache that cannot be written: the next build compiles the story again.
      }
    },
    /** Removes every entry this build did not use (only after a build that used some). */
    prune() {
      if (used.size === 0) return;
      try {
        for (const name of readdirSync(dir)) if (!used.has(name.replace(/\.json$/, ''))) rmSync(join(dir, name));
      } catch {
        // Left for the next build.
      }
    },
  };
}

/** Wraps the MDX plugin's transform so that a story compiled by an earlier build with the same key is read. */
export function cachedMdxPlugin<P extends VitePluginLike>(plugin: P, root: string, dir = mdxCacheDir(root)): P {
  const transform = plugin.transform;
  if (!transform) return plugin;
  const handler = typeof transform === 'function' ? transform : transform.handler;
  const store = mdxStore(dir);
  let code: string | undefined;
  const cached: TransformHandler = async function (this: unknown, source, id, ...rest) {
    code ??= mdxCodeKey(root);
    const key = contentKey('mdx', VERSION, code, relative(root, id).split('\\').join('/'), source);
    const kept = store.get(key);
    if (kept) return kept;
    const result = (await handler.call(this, source, id, ...rest)) as Compiled | null | undefined;
    // A source map is not kept (production builds make none): such a result is only passed on.
    if (result && typeof result.code === 'string' && result.map == null) store.put(key, result);
    return result;
  };
  const buildEnd = plugin.buildEnd;
  const endHandler = typeof buildEnd === 'function' ? buildEnd : buildEnd?.handler;
  return {
    ...plugin,
    transform: typeof transform === 'function' ? cached : { ...transform, handler: cached },
    buildEnd(this: unknown, error?: Error) {
      if (!error) store.prune();
      return endHandler?.call(this, error);
    },
  };
}

/** Where production builds keep the compiled stories, under a project root. */
export const mdxCacheDir = (root: string): string => join(root, 'node_modules/.cache/shushuo/mdx');

/**
 * Wraps an MDX integration (`mdx()`) so that, in a production build, its Vite plugin keeps each compiled story
 * (above). The dev server compiles as before.
 */
export function withMdxCache(integration: AstroIntegration, root = process.cwd()): AstroIntegration {
  const setup = integration.hooks['astro:config:setup'];
  if (!setup) return integration;
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:config:setup': async (params) => {
        if (params.command !== 'build') return setup(params);
        let wrapped = 0;
        const updateConfig: typeof params.updateConfig = (config) => {
          if (!config.vite?.plugins) return params.updateConfig(config);
          const plugins = config.vite.plugins.map((p: PluginOption) => {
            if ((p as { name?: unknown } | null)?.name !== MDX_PLUGIN) return p;
            wrapped++;
            return cachedMdxPlugin(p as VitePluginLike, root) as PluginOption;
          });
          return params.updateConfig({ ...config, vite: { ...config.vite, plugins } });
        };
        // A proxy, not a copy: some of the hook's options are not own enumerable properties (addPageExtension).
        await setup(
          new Proxy(params, {
            get: (target, key) => (key === 'updateConfig' ? updateConfig : Reflect.get(target, key)),
          }),
        );
        // A new @astrojs/mdx that names its plugin otherwise builds as before, only without the cache: say so.
        if (!wrapped)
          params.logger.warn(
            `no Vite plugin named "${MDX_PLUGIN}" came from ${integration.name}: compiled stories are not kept between builds (src/lib/mdx-cache.ts)`,
          );
      },
    },
  };
}
