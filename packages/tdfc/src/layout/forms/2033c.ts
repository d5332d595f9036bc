// 2033-C (Cerfa 15950): immobilisations (I), amortissements (II), plus et moins-values (III).
import { grid, labelled } from '../spec-helpers';
import type { PaperFormSpec } from '../types';

export const form2033C: PaperFormSpec = {
  form: '2033C',
  sections: [
    {
      title: 'I – Immobilisations',
      columns: [
        'Valeur brute au début de l’exercice',
        'Augmentations',
        'Diminutions',
        'Valeur brute à la fin de l’exercice',
        'Réévaluation légale : valeur d’origine',
      ],
      rows: grid('ABCDE', 'ABCDEFGHJK'),
    },
    {
      title: 'II – Amortissements',
      columns: [
        'Au début de l’exercice',
        'Dotations de l’exercice',
        'Diminutions et reprises',
        'À la fin de l’exercice',
      ],
      rows: [labelled('Fonds commercial', 'AL', 'AM', 'AN', 'AP'), ...grid('FGHJ', 'ABCDEFGH')],
    },
    {
      title: 'III – Plus-values et moins-values',
      columns: [
        'Nature',
        'Valeur d’actif',
        'Amortissements',
        'Valeur résiduelle',
        'Prix de cession',
        'Court terme',
        'Long terme 15 % ou 12,8 %',
        'Long terme 0 %',
        'Long terme 16,5 %',
      ],
      rows: [
        labelled('Immobilisations cédées', 'KA', 'LA', 'MA', 'NA', 'PA', 'QA', 'SA', 'TA', 'UA'),
        labelled('Total', null, 'LL', 'ML', 'NL', 'PL', 'QL', 'SL', 'TL', 'UL'),
        labelled('Régularisations', null, null, null, null, null, 'QM', 'SM', 'TM', 'UM'),
        labelled(
          'Plus ou moins-values nettes',
          null,
          null,
          null,
          null,
          null,
          'QN',
          'SN',
          'TN',
          'UN',
        ),
        labelled('Plus-values taxables à 16,5 %', null, null, null, null, null, 'QP'),
      ],
    },
    { title: 'Déclaration néant', columns: [], rows: [{ cells: ['RQ'] }] },
  ],
};
