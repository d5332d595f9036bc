// 2033-E (Cerfa 15952): effectifs et valeur ajoutée (CVAE).
import { single } from '../spec-helpers';
import type { PaperFormSpec } from '../types';

export const form2033E: PaperFormSpec = {
  form: '2033E',
  sections: [
    { title: 'Effectifs', columns: ['Nombre'], rows: single('AA', 'AB', 'AC', 'AD', 'AH') },
    {
      title: 'Période de référence et chiffre d’affaires',
      columns: ['Valeur'],
      rows: single('KA', 'KB', 'KC', 'KG', 'KD', 'AQ'),
    },
    {
      title: 'Calcul de la valeur ajoutée : produits',
      columns: ['Montant'],
      rows: single('AJ', 'AK', 'EE', 'EF', 'EL', 'EN', 'EP', 'GD', 'AE', 'AF'),
    },
    {
      title: 'Calcul de la valeur ajoutée : charges',
      columns: ['Montant'],
      rows: single('AL', 'AM', 'FE', 'FJ', 'FH', 'FK', 'FM', 'FN', 'AN', 'GC', 'EQ', 'AP'),
    },
    { title: 'Valeur ajoutée', columns: ['Montant'], rows: single('GA', 'GB') },
    { title: 'Déclaration néant', columns: [], rows: single('DB') },
  ],
};
