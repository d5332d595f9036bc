// 2065-SD (Cerfa 11084), déclaration de l'impôt sur les sociétés: its boxes by frame.
import { single } from '../spec-helpers';
import type { PaperFormSpec } from '../types';

export const form2065: PaperFormSpec = {
  form: '2065',
  sections: [
    {
      title: 'Identification',
      columns: ['Valeur'],
      rows: single('AC', 'AK', 'AP', 'AQ', 'PA', 'PD'),
    },
    {
      title: 'Régimes et options',
      columns: ['Valeur'],
      rows: single(
        'AX',
        'HD',
        'HJ',
        'LY',
        'MA',
        'AW',
        'BY',
        'BA',
        'AF',
        'AM',
        'LQ',
        'PH',
        'LL',
        'PE',
        'PF',
      ),
    },
    {
      title: 'Résultat fiscal',
      columns: ['Montant'],
      rows: single('HA', 'LC', 'AT', 'AU', 'LN', 'LW', 'LX', 'AL', 'BB', 'LT', 'LV'),
    },
    { title: 'Imputations', columns: ['Montant'], rows: single('BE', 'BF') },
    { title: 'Contribution sur les revenus locatifs', columns: ['Montant'], rows: single('JA') },
    {
      title: 'Comptabilité, conseil et visa',
      columns: ['Valeur'],
      rows: single('AH', 'AJ', 'AR', 'AS', 'CA', 'BN', 'EA', 'BQ', 'DA', 'ME', 'MF'),
    },
  ],
};
