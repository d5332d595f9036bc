// SIREN and SIRET checks (Luhn; La Poste's SIRETs by digit sum), shared with @passerelle/contracts.
import { isValidSiren, isValidSiret } from '@passerelle/contracts';
import { error, warning, type Finding } from './anomaly';

/** Findings on a SIREN: 9 digits whose last one is a Luhn key. */
export function checkSiren(siren: string): Finding[] {
  if (!/^\d{9}$/.test(siren)) {
    return [error('siren.invalid', `SIREN « ${siren} » invalide : 9 chiffres attendus.`)];
  }
  return isValidSiren(siren)
    ? []
    : [error('siren.invalid', `SIREN ${siren} invalide : la clé de contrôle (Luhn) est fausse.`)];
}

/** Findings on the identifier of a NAD block: a SIREN (9 digits) or a SIRET (14 digits). */
export function checkNadIdentifier(id: string): Finding[] {
  if (/^\d{9}$/.test(id)) return checkSiren(id);
  if (/^\d{14}$/.test(id)) {
    return isValidSiret(id)
      ? []
      : [error('siret.invalid', `SIRET ${id} invalide : la clé de contrôle est fausse.`)];
  }
  return [
    warning(
      'nad.identifier',
      `identifiant « ${id} » qui n'est ni un SIREN (9 chiffres) ni un SIRET (14 chiffres).`,
    ),
  ];
}
