import { describe, expect, it } from 'vitest';
import { Event as LinkedomEvent } from 'linkedom';
import { document } from '../../src/charts/dom.ts';

/** linkedom's own Event, typed as the DOM's for dispatchEvent. */
const event = (type: string, init?: EventInit) => new LinkedomEvent(type, init) as unknown as Event;

// The chart DOM's nodes get their listener maps on first use (src/charts/dom.ts): events must still work as in
// linkedom, in case a chart library listens (Plot's interactive marks do).
describe('the chart DOM', () => {
  const tree = () => {
    const parent = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    const child = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    parent.appendChild(child);
    return { parent, child };
  };

  it('delivers an event to its target and bubbles it to the parent when asked', () => {
    const { parent, child } = tree();
    const seen: string[] = [];
    child.addEventListener('ping', (e: { eventPhase: number }) => seen.push(`child:${e.eventPhase}`));
    parent.addEventListener('ping', {
      handleEvent: (e: { eventPhase: number }) => seen.push(`parent:${e.eventPhase}`),
    });
    child.dispatchEvent(event('ping', { bubbles: true }));
    child.dispatchEvent(event('ping'));
    expect(seen).toEqual(['child:2', 'parent:3', 'child:2']);
  });

  it('removes listeners, and runs a once listener once', () => {
    const { child } = tree();
    let count = 0;
    const listener = () => count++;
    child.addEventListener('ping', listener);
    child.removeEventListener('ping', listener);
    child.addEventListener('pong', () => count++, { once: true });
    child.dispatchEvent(event('ping'));
    child.dispatchEvent(event('pong'));
    child.dispatchEvent(event('pong'));
    expect(count).toBe(1);
  });

  it('stops at stopImmediatePropagation and leaves a node without listeners alone', () => {
    const { child } = tree();
    const seen: number[] = [];
    child.addEventListener('ping', (e: { stopImmediatePropagation: () => void }) => {
      seen.push(1);
      e.stopImmediatePropagation();
    });
    child.addEventListener('ping', () => seen.push(2));
    expect(child.dispatchEvent(event('ping'))).toBe(true);
    expect(seen).toEqual([1]);
    expect(tree().child.dispatchEvent(event('ping'))).toBe(true);
    expect(() => tree().child.removeEventListener('ping', () => {})).not.toThrow();
  });
});
