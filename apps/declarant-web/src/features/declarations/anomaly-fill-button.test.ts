import { describe, expect, it, vi } from 'vitest';
import type { DeclarationAnomaly, EditorLayout } from '@passerelle/contracts';
import { fillAnomaly, isFillable } from './anomaly-fill-button';

const forms: EditorLayout['forms'] = [
  {
    id: '2035A',
    label: '2035-A',
    cells: [
      {
        code: 'AG',
        label: 'Total des recettes',
        segment: 'MOA',
        repeatable: false,
        signed: false,
        values: null,
        dateFormat: null,
      },
    ],
    layout: {
      kind: 'table',
      sections: [
        {
          title: '',
          columns: [],
          rows: [{ label: 'Total des recettes', cells: ['AG'], total: true }],
        },
      ],
      totals: [],
    },
  },
];
const anomaly: DeclarationAnomaly = {
  severity: 'warning',
  rule: 'total.2035A.AG',
  form: '2035A',
  code: 'AG',
  formOccurrence: 0,
  valueIndex: null,
  label: 'Total des recettes',
  message: '…',
  expected: 61500,
};

describe('« Reporter » a total', () => {
  it('types the expected amount into the cell and leaves it (saved at once)', () => {
    const editor = { edit: vi.fn(), leave: vi.fn() };
    fillAnomaly(forms, editor, anomaly);
    expect(editor.edit).toHaveBeenCalledWith(
      { form: '2035A', occurrence: 0, cell: forms[0]!.cells[0], kind: 'amount' },
      '61 500',
    );
    expect(editor.leave).toHaveBeenCalledWith('cell-2035A-AG');
  });

  it('offers it only for an anomaly with an expected value on a cell', () => {
    expect(isFillable(anomaly)).toBe(true);
    expect(isFillable({ ...anomaly, expected: null })).toBe(false);
    expect(isFillable({ ...anomaly, code: null })).toBe(false);
  });
});
