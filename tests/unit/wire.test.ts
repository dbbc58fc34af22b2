// The wire maps each call of the contract onto a service once: no call is left out, none is wired by two maps
// (a later spread would silently win over an earlier one in the composition root).
import { describe, expect, it } from 'vitest';
import { contract } from '../../common/api/contract';
import * as wire from '../../main/app/wire';

describe('the wire', () => {
  it('maps every call of the contract in exactly one of its per-domain maps', () => {
    // Building a map only captures its service: nothing is called, so no service is needed to list the keys.
    const maps = Object.entries(wire)
      .filter(([name]) => name.endsWith('Calls'))
      .map(([name, make]) => [name, Object.keys((make as (parts: never) => object)({} as never))] as const);
    expect(maps.length).toBeGreaterThanOrEqual(9);
    const owners = new Map<string, string[]>();
    for (const [name, methods] of maps) for (const method of methods) owners.set(method, [...(owners.get(method) ?? []), name]);
    expect([...owners].filter(([, by]) => by.length > 1)).toEqual([]);
    expect([...owners.keys()].sort()).toEqual(Object.keys(contract).sort());
  });
});
