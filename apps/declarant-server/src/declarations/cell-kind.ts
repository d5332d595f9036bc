// What a cell expects, in French, for the cells the campaign's labels do not cover yet: the editor
// still shows the code, the kind of value and its format, so the form can be filled.
import type { CellDefinition } from '@passerelle/tdfc';

const DATE_FORMATS: Record<string, string> = {
  '102': 'date (JJ/MM/AAAA)',
  '602': 'année (AAAA)',
  '718': 'période (du JJ/MM/AAAA au JJ/MM/AAAA)',
  '801': 'nombre d’années',
  '802': 'nombre de mois',
};

/** « Case sans libellé : montant en euros entiers, négatif admis » and the like. */
export function unlabelledCellText(cell: CellDefinition): string {
  return `Case sans libellé : ${cellKindText(cell)}`;
}

/** The kind of value a cell holds, from its segment (and table, date format, sign). */
export function cellKindText(cell: CellDefinition): string {
  switch (cell.segment) {
    case 'MOA':
      return cell.signed ? 'montant en euros entiers, négatif admis' : 'montant en euros entiers';
    case 'CCI':
      return cell.table === 'TBX'
        ? 'case à cocher (table TBX)'
        : `code de la table ${cell.table ?? 'non précisée'}`;
    case 'DTM':
      return DATE_FORMATS[cell.dateFormat ?? ''] ?? 'date';
    case 'QTY':
      return 'nombre';
    case 'PCD':
      return 'pourcentage';
    case 'FTX':
      return 'texte';
    case 'NAD':
      return 'nom et adresse';
    case 'RFF':
      return 'référence';
    case 'CPT':
      return 'numéro de compte';
    case 'CUX':
      return 'devise';
  }
}
