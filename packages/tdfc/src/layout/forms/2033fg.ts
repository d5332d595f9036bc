// 2033-F (Cerfa 15953) composition du capital social and 2033-G (Cerfa 16218) filiales et
// participations: tables of repeated lines, then their totals.
import { labelled, single } from '../spec-helpers';
import type { PaperFormSpec } from '../types';

export const form2033F: PaperFormSpec = {
  form: '2033F',
  sections: [
    {
      title: 'Associés personnes morales',
      columns: ['Dénomination', 'Nombre de parts', 'Pourcentage de détention'],
      rows: [labelled('Personne morale', 'GA', 'GD', 'GR')],
    },
    {
      title: 'Associés personnes physiques',
      columns: [
        'Nom, prénoms',
        'Nombre de parts',
        'Pourcentage de détention',
        'Date de naissance',
        'Commune de naissance',
      ],
      rows: [labelled('Personne physique', 'BA', 'BD', 'BR', 'BE', 'BG')],
    },
    {
      title: 'Totaux',
      columns: ['Nombre'],
      rows: single('GT', 'GU', 'GV', 'GW', 'GX', 'GY'),
    },
    { title: 'Déclaration néant', columns: [], rows: single('GS') },
  ],
};

export const form2033G: PaperFormSpec = {
  form: '2033G',
  sections: [
    {
      title: 'Filiales et participations',
      columns: ['Désignation', 'Pourcentage de détention'],
      rows: [labelled('Filiale ou participation', 'GA', 'GR')],
    },
    { title: 'Total', columns: ['Nombre'], rows: single('GT') },
    { title: 'Déclaration néant', columns: [], rows: single('GS') },
  ],
};
