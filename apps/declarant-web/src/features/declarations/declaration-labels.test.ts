import { describe, expect, it } from 'vitest';
import type { DeclarationAnomaly } from '@passerelle/contracts';
import {
  anomalyCountText,
  countAnomalies,
  declarationStatusText,
  declarationStatusTone,
  declarationTitle,
  formTabLabel,
  importedText,
  millesimeText,
  sortAnomalies,
} from './declaration-labels';

const anomaly = (
  severity: DeclarationAnomaly['severity'],
  form: string | null,
  message: string,
): DeclarationAnomaly => ({
  severity,
  rule: 'r',
  form,
  code: null,
  formOccurrence: null,
  valueIndex: null,
  expected: null,
  label: null,
  message,
});

describe('millesimeText', () => {
  it('names the campaign pack and edition the declaration was validated with', () => {
    expect(millesimeText('26', { campaign: '2026', edition: 2 })).toBe(
      'Millésime 26 — tables de la campagne 2026, édition 2',
    );
    expect(millesimeText('22', null)).toBe('Millésime 22 — tables de la DGFiP non installées');
  });
});

describe('anomalyCountText', () => {
  it('says how many errors and warnings, in French', () => {
    expect(anomalyCountText(3, 1)).toBe('3 erreurs, 1 avertissement');
    expect(anomalyCountText(1, 0)).toBe('1 erreur');
    expect(anomalyCountText(0, 2)).toBe('2 avertissements');
    expect(anomalyCountText(0, 0)).toBe('Aucune anomalie');
  });

  it('counts a list of anomalies', () => {
    const list = [
      anomaly('error', 'x', 'a'),
      anomaly('warning', 'x', 'b'),
      anomaly('error', null, 'c'),
    ];
    expect(countAnomalies(list)).toEqual({ errorCount: 2, warningCount: 1 });
  });
});

describe('sortAnomalies', () => {
  it('puts errors first, then warnings, each in the order of the tabs', () => {
    const list = [
      anomaly('warning', '2033A', 'w1'),
      anomaly('error', '2033B', 'e1'),
      anomaly('error', '2065', 'e2'),
      anomaly('warning', 'F-IDENTIF', 'w2'),
      anomaly('error', '2033B', 'e3'),
      anomaly('error', null, 'e4'),
      anomaly('error', '9999', 'e5'),
    ];
    const order = ['F-IDENTIF', '2065', '2033A', '2033B'];
    expect(sortAnomalies(list, order).map((item) => item.message)).toEqual([
      'e4',
      'e2',
      'e1',
      'e3',
      'e5',
      'w2',
      'w1',
    ]);
  });

  it('keeps the validator’s order without a tab order', () => {
    const list = [
      anomaly('warning', 'a', '1'),
      anomaly('error', 'b', '2'),
      anomaly('error', 'a', '3'),
    ];
    expect(sortAnomalies(list).map((item) => item.message)).toEqual(['2', '3', '1']);
  });
});

describe('declaration labels', () => {
  it('titles the editor with the dossier and the exercise', () => {
    expect(
      declarationTitle({
        dossierName: 'Boulangerie des Lilas',
        exercise: { id: 'e', start: '2025-01-01', end: '2025-12-31' },
      }),
    ).toBe('Déclaration Boulangerie des Lilas — exercice du 01/01/2025 au 31/12/2025');
  });

  it('names statuses and tabs', () => {
    expect(declarationStatusText('draft')).toBe('Brouillon');
    expect(declarationStatusText('ready')).toBe('Prête');
    expect(declarationStatusTone('ready')).toBe('success');
    expect(declarationStatusTone('draft')).toBe('warning');
    expect(formTabLabel({ id: 'F-IDENTIF', label: 'F-IDENTIF' })).toBe('Identification');
    expect(formTabLabel({ id: '2033A', label: '2033-A' })).toBe('2033-A');
  });

  it('says how many declarations an import created', () => {
    expect(importedText(1)).toBe('1 déclaration importée.');
    expect(importedText(3)).toBe('3 déclarations importées.');
  });
});
