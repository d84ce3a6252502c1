/**
 * The server-side DOM the charts draw into: one linkedom document, reused by every drawing.
 *
 * linkedom 0.18 gives every node a listener map when it is made (`wm.set(this, new Map)` in the constructor of its
 * EventTarget, interface/event-target.js), though a chart's nodes never get a listener: measured on this machine
 * (2,000 Plot bar charts after a warm-up), that map was a third of each drawing's time, and a build draws about
 * 10,000 charts per 1,000 stories. So the node classes here skip it, and listeners live in a map made on the first
 * addEventListener, with the same add, remove, once and bubbling behaviour (tests/charts/dom.test.ts). Checked at
 * load: if linkedom's classes change shape, the build stops here instead of drawing with a half-working DOM.
 */
import { EventTarget as LinkedomEventTarget, parseHTML } from 'linkedom';

type Listener = EventListenerOrEventListenerObject;
type Options = boolean | AddEventListenerOptions | undefined;

/** linkedom's Event: the fields its dispatch reads and writes (interface/event.js). */
interface LinkedomEvent extends Event {
  _path: { currentTarget: object; target: object }[];
  _stopImmediatePropagationFlag?: boolean;
}

const listeners = new WeakMap<object, Map<string, Map<Listener, Options>>>();

function call(event: LinkedomEvent, listener: Listener): boolean | undefined {
  if (typeof listener === 'function') listener.call(event.currentTarget, event);
  else listener.handleEvent(event);
  return event._stopImmediatePropagationFlag;
}

/** The same steps as linkedom's dispatch, reading the lazily made maps. */
function invoke(this: LinkedomEvent, { currentTarget, target }: { currentTarget: object; target: object }): boolean {
  const byType = listeners.get(currentTarget)?.get(this.type);
  if (!byType) return false;
  const event = this as unknown as Record<string, unknown>;
  event.eventPhase = currentTarget === target ? this.AT_TARGET : this.BUBBLING_PHASE;
  event.currentTarget = currentTarget;
  event.target = target;
  for (const [listener, options] of [...byType]) {
    if (typeof options === 'object' && options.once) byType.delete(listener);
    if (call(this, listener)) break;
  }
  delete event.currentTarget;
  delete event.target;
  return this.cancelBubble;
}

const methods = {
  addEventListener(this: object, type: string, listener: Listener, options?: Options) {
    let byTarget = listeners.get(this);
    if (!byTarget) listeners.set(this, (byTarget = new Map()));
    let byType = byTarget.get(type);
    if (!byType) byTarget.set(type, (byType = new Map()));
    byType.set(listener, options);
  },
  removeEventListener(this: object, type: string, listener: Listener) {
    const byTarget = listeners.get(this);
    const byType = byTarget?.get(type);
    if (byType?.delete(listener) && !byType.size) byTarget!.delete(type);
  },
  dispatchEvent(this: object, event: LinkedomEvent) {
    const phase = event as unknown as Record<string, unknown>;
    phase.eventPhase = event.CAPTURING_PHASE;
    let node = this as { dispatchEvent?: unknown; _getParent?: () => object | null } | null;
    while (node) {
      if (node.dispatchEvent) event._path.push({ currentTarget: node, target: this });
      node = (event.bubbles && node._getParent?.()) || null;
    }
    event._path.some(invoke, event);
    event._path = [];
    phase.eventPhase = event.NONE;
    return !event.defaultPrevented;
  },
};

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/** Marks the base given to linkedom's Node class, so a second load of this module finds it done. */
const QUIET = Symbol.for('shushuo.quiet-event-target');

/** Finds linkedom's Node class: the class on a node's constructor chain that extends EventTarget directly. */
function nodeClass(): { done: boolean; node: object } {
  let c: object | null = document.createElement('i').constructor;
  for (; c; c = Object.getPrototypeOf(c) as object | null) {
    const parent = Object.getPrototypeOf(c) as Record<symbol, unknown> | null;
    if (parent === (LinkedomEventTarget as object) || parent?.[QUIET]) return { done: !!parent?.[QUIET], node: c };
  }
  throw new Error('src/charts/dom.ts: linkedom no longer has a Node class extending its EventTarget; review this file');
}

const found = nodeClass();
if (!found.done) {
  // A class constructor's super() calls the constructor's [[Prototype]]: a base that allocates nothing.
  Object.setPrototypeOf(found.node, Object.assign(class QuietEventTarget {}, { [QUIET]: true }));
  Object.assign(LinkedomEventTarget.prototype, methods);
}

export { document };
