import { describe, expect, it } from 'vitest';
import { dossierInput, fiscalCategories, taxRegimes } from '@passerelle/contracts';
import type { Dossier } from '@passerelle/contracts';
import {
  addressLines,
  dossierFormValues,
  exercisePeriod,
  fiscalCategoryOptions,
  formatDay,
  formatSiren,
  taxRegimeOptions,
  taxationLabels,
  taxationOptions,
} from './dossier-labels';

const dossier: Dossier = {
  id: 'd1',
  siren: '732829320',
  name: 'Boulangerie Exemple',
  street: '12 rue des Lilas',
  complement: null,
  postcode: '75011',
  city: 'Paris',
  category: 'BI',
  regime: 'RN',
  taxation: 'IR',
  rof: 'IS1',
  exercises: [],
  createdAt: '2025-01-02T10:00:00.000Z',
  updatedAt: '2025-01-02T10:00:00.000Z',
};

describe('formatSiren', () => {
  it('groups the nine digits by three', () => {
    expect(formatSiren('732829320')).toBe('732 829 320');
    expect(formatSiren('732 829320')).toBe('732 829 320');
  });

  it('leaves anything else unchanged', () => {
    expect(formatSiren('73282932')).toBe('73282932');
    expect(formatSiren('')).toBe('');
  });
});

describe('exercise dates', () => {
  it('writes calendar days as dd/mm/yyyy, whatever the time zone', () => {
    expect(formatDay('2025-01-01')).toBe('01/01/2025');
    expect(formatDay('2025-12-31')).toBe('31/12/2025');
    expect(formatDay('bientôt')).toBe('bientôt');
  });

  it('says "du … au …"', () => {
    expect(exercisePeriod({ start: '2025-01-01', end: '2025-12-31' })).toBe(
      'du 01/01/2025 au 31/12/2025',
    );
  });
});

describe('dossier labels', () => {
  it('offers every category, régime and taxation of the contracts, labelled in French', () => {
    expect(fiscalCategoryOptions.map((option) => option.value)).toEqual([...fiscalCategories]);
    expect(taxRegimeOptions.map((option) => option.value)).toEqual([...taxRegimes]);
    expect(fiscalCategoryOptions[0]).toEqual({ value: 'BI', label: 'BIC / IS' });
    expect(taxRegimeOptions.find((option) => option.value === 'RS')?.label).toBe('Réel simplifié');
    expect(taxationOptions).toEqual([
      { value: 'IS', label: 'Impôt sur les sociétés (IS)' },
      { value: 'IR', label: 'Impôt sur le revenu (IR)' },
    ]);
    expect(taxationLabels.IR).toBe('Impôt sur le revenu (IR)');
  });

  it('prints the address without its empty lines', () => {
    expect(addressLines(dossier)).toEqual(['12 rue des Lilas', '75011 Paris']);
    expect(addressLines({ ...dossier, street: null, complement: 'Bâtiment B' })).toEqual([
      'Bâtiment B',
      '75011 Paris',
    ]);
  });
});

describe('dossierFormValues', () => {
  it('starts empty with BIC / IS, réel simplifié and IS', () => {
    expect(dossierFormValues()).toEqual({
      siren: '',
      name: '',
      street: '',
      complement: '',
      postcode: '',
      city: '',
      category: 'BI',
      regime: 'RS',
      taxation: 'IS',
      rof: '',
    });
  });

  it('prefills a dossier, and those values pass the contract unchanged', () => {
    const values = dossierFormValues(dossier);
    expect(values.siren).toBe('732 829 320');
    expect(values.complement).toBe('');
    const parsed = dossierInput.parse(values);
    expect(parsed).toEqual({
      siren: '732829320',
      name: 'Boulangerie Exemple',
      street: '12 rue des Lilas',
      complement: undefined,
      postcode: '75011',
      city: 'Paris',
      category: 'BI',
      regime: 'RN',
      taxation: 'IR',
      rof: 'IS1',
    });
  });
});
