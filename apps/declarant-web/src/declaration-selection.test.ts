import { describe, expect, it } from 'vitest';
import type { DeclarationStatus } from '@passerelle/contracts';
import { selectAllState, sendableIds, stillSelected, toggled } from './declaration-selection';

const list = (...statuses: DeclarationStatus[]) =>
  statuses.map((status, index) => ({ id: `d${index}`, status }));

describe('selection of declarations to send', () => {
  it('offers only the "prête" ones', () => {
    expect(sendableIds(list('ready', 'draft', 'ready', 'accepted', 'rejected'))).toEqual([
      'd0',
      'd2',
    ]);
  });

  it('drops a ticked declaration that is no longer "prête", keeping the list order', () => {
    const declarations = list('ready', 'draft', 'ready');
    expect(stillSelected(new Set(['d2', 'd1', 'd0', 'gone']), declarations)).toEqual(['d0', 'd2']);
  });

  it('ticks and unticks without changing the previous selection', () => {
    const before = new Set(['d0']);
    const after = toggled(before, 'd2', true);
    expect([...after].sort()).toEqual(['d0', 'd2']);
    expect([...toggled(after, 'd0', false)]).toEqual(['d2']);
    expect([...before]).toEqual(['d0']);
  });

  it('says whether all, some or none of the "prête" ones are ticked', () => {
    const declarations = list('ready', 'draft', 'ready');
    expect(selectAllState(new Set(), declarations)).toBe('none');
    expect(selectAllState(new Set(['d0']), declarations)).toBe('some');
    expect(selectAllState(new Set(['d0', 'd2']), declarations)).toBe('all');
    // A ticked draft does not count.
    expect(selectAllState(new Set(['d1']), declarations)).toBe('none');
  });
});
