// ISO 9735 syntax error codes (data element 0085) used in our CONTRL, their French meaning, and
// how each refusal of @passerelle/edifact's reader maps to one (edi-tdfc.md §4.1).
import type { EdifactErrorCode } from '@passerelle/edifact';

/** The 0085 codes a CONTRL of ours may carry, with the meaning shown to the collaborator. */
export const CONTRL_ERROR_LABELS: Readonly<Record<string, string>> = {
  '2': 'version ou niveau de syntaxe non pris en charge',
  '7': 'le destinataire de l’interchange n’est pas le destinataire réel',
  '12': 'valeur invalide',
  '13': 'élément ou segment obligatoire absent',
  '14': 'valeur non prise en charge à cette position',
  '15': 'segment non pris en charge à cette position',
  '18': 'erreur non précisée',
  '20': 'caractère invalide comme caractère de service',
  '21': 'caractère invalide',
  '23': 'émetteur de l’interchange inconnu',
  '25': 'indicateur de test non pris en charge',
  '26': 'doublon détecté',
  '28': 'les références ne correspondent pas',
  '29': 'le nombre de contrôle ne correspond pas',
  '32': 'niveau inférieur vide (aucun message)',
  '33': 'segment hors d’un message',
  '39': 'élément trop long',
};

/**
 * The 0085 code of a reader refusal. `tag` distinguishes a data segment outside any message
 * (33) from a service segment out of place (15).
 */
export function contrlCodeOf(code: EdifactErrorCode, tag?: string): string {
  switch (code) {
    case 'SERVICE_CHARS_INVALID':
      return '20';
    case 'SYNTAX_UNSUPPORTED':
      return '2';
    case 'UNB_MISSING':
    case 'SEGMENT_UNTERMINATED':
    case 'INTERCHANGE_INCOMPLETE':
      return '13';
    case 'SEGMENT_TAG_INVALID':
    case 'ELEMENT_INVALID':
    case 'DECIMAL_INVALID':
      return '12';
    case 'CHARACTER_NOT_ALLOWED':
      return '21';
    case 'SEGMENT_TOO_LONG':
      return '39';
    case 'UNEXPECTED_SEGMENT':
      return tag !== undefined && !tag.startsWith('UN') ? '33' : '15';
    case 'DATA_AFTER_UNZ':
      return '15';
    case 'COUNT_MISMATCH':
      return '29';
    case 'REFERENCE_MISMATCH':
      return '28';
    default:
      return '18';
  }
}
