/** SIREN of La Poste, whose establishments' SIRETs follow a sum-of-digits rule instead of Luhn. */
const LA_POSTE_SIREN = '356000000';

/** True when the digits pass the Luhn checksum (used by INSEE for SIREN and SIRET). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * True for a well-formed SIRET: 14 digits, Luhn-valid; La Poste's establishments (SIREN
 * 356000000, whose SIRETs outnumber what Luhn allows) need instead a digit sum multiple of 5.
 */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== `${LA_POSTE_SIREN}00048`) {
    const sum = [...siret].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0;
  }
  return luhnValid(siret);
}

/** True for a well-formed SIREN: 9 digits, Luhn-valid. */
export function isValidSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && luhnValid(siren);
}
