import { describe, expect, it } from 'vitest';
import { CellEdits } from './cell-edits';
import type { EditorCell } from './declaration-cells';

const cell = { code: 'AA' } as EditorCell;

describe('CellEdits', () => {
  it('sends a change once, and forgets its local value when the server took it', () => {
    const edits = new CellEdits();
    edits.change('2033A', 0, 'AA', '12');
    expect(edits.localEntry('2033A', 0, cell)?.entry).toBe('12');
    const sent = edits.takePending();
    expect(sent.map(({ item }) => item.code)).toEqual(['AA']);
    expect(edits.hasPending).toBe(false);
    edits.confirm(sent);
    expect(edits.localEntry('2033A', 0, cell)).toBeUndefined();
  });

  it('keeps a value changed again while the first one was on its way', () => {
    const edits = new CellEdits();
    edits.change('2033A', 0, 'AA', '12');
    const sent = edits.takePending();
    edits.change('2033A', 0, 'AA', '13');
    edits.confirm(sent);
    expect(edits.localEntry('2033A', 0, cell)?.entry).toBe('13');
    expect(edits.hasPending).toBe(true);
  });

  it('sends a refused save again with the next one', () => {
    const edits = new CellEdits();
    edits.change('2033A', 0, 'AA', '12');
    edits.requeue(edits.takePending());
    expect(edits.takePending()).toHaveLength(1);
  });

  it('hides a refusal of what is typed until the field is left', () => {
    const edits = new CellEdits();
    edits.setDraft('c-AA', '12a');
    edits.refuse('c-AA', 'Saisissez un montant.');
    expect(edits.errorOf('c-AA')).toBeUndefined();
    edits.leave('c-AA');
    expect(edits.errorOf('c-AA')).toBe('Saisissez un montant.');
    expect(edits.draftOf('c-AA')).toBe('12a');
    edits.accept('c-AA');
    edits.leave('c-AA');
    expect(edits.errorOf('c-AA')).toBeUndefined();
    expect(edits.draftOf('c-AA')).toBeUndefined();
  });
});
