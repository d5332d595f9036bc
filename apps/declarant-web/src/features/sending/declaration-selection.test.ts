import { describe, expect, it } from 'vitest';
import type { DeclarationStatus } from '@passerelle/contracts';
import {
  selectAllState,
  sendableIds,
  stillSelected,
  toggled,
  withAll,
} from './declaration-selection';

const list = (...statuses: DeclarationStatus[]) =>
  statuses.map((status, index) => ({ id: `d${index}`, status }));

describe('selection of declarations to send', () => {
  it('offers only the "prête" ones', () => {
    expect(sendableIds(list('ready', 'draft', 'ready', 'accepted', 'rejected'))).toEqual([
      'd0',
      'd2',
    ]);
  });

  it('drops a shown declaration that is no longer "prête", keeping the list order', () => {
    const declarations = list('ready', 'draft', 'ready');
    expect(stillSelected(new Set(['d2', 'd1', 'd0']), declarations)).toEqual(['d0', 'd2']);
  });

  it('keeps ticked declarations beyond the loaded pages, after the shown ones', () => {
    const declarations = list('ready', 'draft');
    expect(stillSelected(new Set(['later', 'd1', 'd0']), declarations)).toEqual(['d0', 'later']);
  });

  it('ticks every "prête" of the list up to the most one sending signs', () => {
    const ids = Array.from({ length: 1200 }, (_, i) => `r${i}`);
    const all = withAll(new Set(['d0']), ids, 1000);
    expect(all.size).toBe(1000);
    expect(all.has('d0')).toBe(true);
    expect(all.has('r998')).toBe(true);
    expect(all.has('r999')).toBe(false);
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
