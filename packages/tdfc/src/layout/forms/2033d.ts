// 2033-D (Cerfa 15951): provisions (I), amortissements dérogatoires, déficits (II), divers (III).
import { grid, labelled, single } from '../spec-helpers';
import type { PaperFormSpec } from '../types';

export const form2033D: PaperFormSpec = {
  form: '2033D',
  sections: [
    {
      title: 'I – Provisions et amortissements dérogatoires',
      columns: [
        'Au début de l’exercice',
        'Augmentations : dotations',
        'Diminutions : reprises',
        'À la fin de l’exercice',
      ],
      rows: grid('ABCD', 'ANBCDEFGH'),
    },
    {
      title: 'Amortissements dérogatoires par immobilisation',
      columns: ['Dotations', 'Reprises'],
      rows: [labelled('Fonds commercial', 'AY', 'AZ'), ...grid('EF', 'ABCDEFGH')],
    },
    {
      title: 'Provisions et charges à payer non déductibles',
      columns: ['Libellé', 'Montant'],
      rows: [
        labelled(
          'Dotations aux provisions pour indemnités pour congés à payer, charges sociales et fiscales correspondantes',
          null,
          'HA',
        ),
        labelled('Détail de la ventilation des dotations aux provisions', 'GJ', 'HJ'),
        labelled('Total', null, 'HH'),
      ],
    },
    {
      title: 'II – Déficits',
      columns: ['Montant'],
      rows: single('PG', 'AL', 'PH', 'PJ', 'MG', 'MH'),
    },
    {
      title: 'III – Divers',
      columns: ['Montant'],
      rows: single('AQ', 'AV', 'AP', 'AW', 'AX', 'AU', 'AS', 'AT', 'AJ', 'AK', 'AM', 'AR'),
    },
    { title: 'Déclaration néant', columns: [], rows: single('PF') },
  ],
};
