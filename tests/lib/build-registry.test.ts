import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/lib/build-registry.ts';

describe('a build registry', () => {
  it('is shared by every copy made under one name, gives its entries in key order once, and keeps the last per key', () => {
    // Two copies, as the pages' bundle and an integration each make their own.
    const routes = buildRegistry<{ id: string; n: number }>('test-registry', (e) => e.id);
    const integration = buildRegistry<{ id: string; n: number }>('test-registry', (e) => e.id);
    routes.register([
      { id: 'b', n: 1 },
      { id: 'a', n: 2 },
    ]);
    routes.register([{ id: 'b', n: 3 }]);
    expect(integration.take()).toEqual([
      { id: 'a', n: 2 },
      { id: 'b', n: 3 },
    ]);
    expect(routes.take()).toEqual([]);
    expect(buildRegistry('another-registry', String).take()).toEqual([]);
  });
});
