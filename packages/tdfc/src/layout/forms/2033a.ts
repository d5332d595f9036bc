// 2033-A (Cerfa 15948), bilan simplifié: actif in three columns, passif and renvois in one.
import { grid, single } from '../spec-helpers';
import type { PaperFormSpec } from '../types';

const ASSET_COLUMNS = ['Brut', 'Amortissements et provisions', 'Net'];

export const form2033A: PaperFormSpec = {
  form: '2033A',
  sections: [
    { title: 'Actif immobilisé', columns: ASSET_COLUMNS, rows: grid('ABC', 'ABCDE') },
    { title: 'Actif circulant', columns: ASSET_COLUMNS, rows: grid('ABC', 'FGHJKLMPQR') },
    {
      title: 'Capitaux propres',
      columns: ['Exercice N'],
      rows: single('FA', 'FB', 'FC', 'FD', 'EB', 'FE', 'FF', 'FG', 'AS', 'FH', 'FJ'),
    },
    { title: 'Provisions pour risques et charges', columns: ['Exercice N'], rows: single('FK') },
    {
      title: 'Dettes',
      columns: ['Exercice N'],
      rows: single('FL', 'EE', 'FM', 'FN', 'AU', 'AT', 'FP', 'FQ', 'FR', 'FS'),
    },
    {
      title: 'Renvois',
      columns: ['Montant'],
      rows: single('HA', 'HB', 'HC', 'JA', 'JB', 'JC'),
    },
    { title: 'Déclaration néant', columns: [], rows: single('JD') },
  ],
};
