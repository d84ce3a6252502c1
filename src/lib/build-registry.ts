/**
 * A list a build fills and empties once: routes add entries when Astro asks for their paths, and an integration
 * takes them after the pages to write files (src/lib/files-after-pages.ts, src/lib/standalone-files.ts). The
 * routes run in the pages' bundle and the integrations do not, so each is a separate module copy in one process:
 * the list is kept on globalThis under a registered symbol.
 */
export interface BuildRegistry<T> {
  /** Adds entries; an entry whose key is already there replaces it. */
  register(entries: readonly T[]): void;
  /** Returns the entries in key order and forgets them. */
  take(): T[];
}

export function buildRegistry<T>(name: string, keyOf: (entry: T) => string): BuildRegistry<T> {
  const symbol = Symbol.for(`shushuo.${name}`);
  const map = (): Map<string, T> => {
    const store = globalThis as { [key: symbol]: Map<string, T> | undefined };
    return (store[symbol] ??= new Map());
  };
  return {
    register(entries) {
      for (const entry of entries) map().set(keyOf(entry), entry);
    },
    take() {
      const entries = [...map().entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
      map().clear();
      return entries;
    },
  };
}
