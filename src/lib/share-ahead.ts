/**
 * Share images drawn ahead of a build's pages, on the cores the build leaves idle. While Astro sets up, checks the
 * content and bundles, one core is mostly idle; while it renders pages, both are busy, and the share images
 * (about 5 ms of CPU a card, 1,000 cards at 1,000 stories) took their share of the cores from the thread that
 * renders the pages. So a cold build starts a child process (src/lib/share-ahead-child.ts) when Astro's config is
 * set up, at the lowest priority the system gives (SCHED_IDLE, or nice 19), which reads the stories itself and
 * writes their cards into the share-image cache (src/lib/share-png.ts), exactly as the share-image route would.
 * When the pages begin, the route takes the cards it finished from the cache and leaves it the others; it goes on
 * through the pages on what they leave of the cores, and is stopped once they are built, when the route draws
 * whatever it did not write. So a card is the same file whichever of the two drew it, and a child that fails, is
 * slow or cannot start only leaves more cards to the route. README "Build cost" has the figures.
 *
 * The integration and the route are separate copies of this module in one process, so the child is kept on
 * globalThis.
 */
import type { AstroIntegration } from 'astro';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shareCacheDir } from './share-png.ts';

interface Ahead {
  child: ChildProcess;
  /** Settles once the child has exited (or could not start). */
  exited: Promise<void>;
}

const KEY = Symbol.for('shushuo.share-ahead');
const store = globalThis as { [KEY]?: Ahead };

/** util-linux's chrt, where there is one on the PATH. */
function chrt(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter))
    if (dir && existsSync(join(dir, 'chrt'))) return join(dir, 'chrt');
  return undefined;
}

/**
 * True when the share-image cache holds a card for every story file or more: a rebuild, whose cards are there
 * already (a card that changed since is drawn by the route; with drafts, which have none, the child starts and finds
 * the others there). Reading the stories and datasets to find that out cost a 1,000-story rebuild 1.2-3.8 s more
 * CPU and 0.2-1.5 s of wall time (README "Build cost").
 */
function cardsKept(root: string): boolean {
  const count = (dir: string, ending: string) =>
    existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(ending)).length : 0;
  return count(shareCacheDir(root), '.png') >= Math.max(1, count(join(root, 'content/stories'), '.mdx'));
}

/**
 * Starts drawing the share images of the project at root ahead of the pages, unless it has started already or the
 * cache has them.
 */
export function startSharesAhead(root: string): void {
  const program = join(root, 'src/lib/share-ahead-child.ts');
  if (store[KEY] || !existsSync(program) || cardsKept(root)) return;
  // SCHED_IDLE (util-linux's chrt --idle 0; Linux lets any user lower its own policy so): the child and every thread
  // it has, V8's collector and compiler threads too, run only on a core no other thread wants. Without chrt, the
  // child lowers its own priority to nice 19 as it starts.
  const idle = process.platform === 'linux' ? chrt() : undefined;
  const [command, args] = idle ? [idle, ['--idle', '0', process.execPath, program]] : [process.execPath, [program]];
  let child: ChildProcess;
  try {
    child = spawn(command, args, { cwd: root, stdio: 'ignore' });
  } catch {
    return;
  }
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  // The build's process does not wait for it, and takes it along when it exits (a failed check, an error).
  child.unref();
  process.once('exit', () => child.kill('SIGKILL'));
  store[KEY] = { child, exited };
}

/** The drawing ahead, if it runs: a promise that settles once its child has exited; else undefined. */
export function sharesAhead(): Promise<void> | undefined {
  return store[KEY]?.exited;
}

/**
 * Stops the drawing ahead, if it runs: the pages are built, and the cards it has not drawn are needed now. Returns a
 * promise that settles once the child has exited, or undefined when there was none.
 */
export function stopSharesAhead(): Promise<void> | undefined {
  const ahead = store[KEY];
  delete store[KEY];
  if (!ahead) return undefined;
  if (ahead.child.exitCode === null && ahead.child.signalCode === null) ahead.child.kill('SIGKILL');
  return ahead.exited;
}

/**
 * The integration that starts the drawing ahead as a build sets up (first in astro.config.mjs: before the content
 * check), and stops it once the pages are built (first of the integrations' last steps).
 */
export function shareImagesAhead(): AstroIntegration {
  return {
    name: 'shushuo:share-images-ahead',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command === 'build') startSharesAhead(fileURLToPath(config.root));
      },
      'astro:build:done': () => {
        stopSharesAhead();
      },
    },
  };
}
