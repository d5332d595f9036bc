// Test SIRENs: fictitious, and valid for the Luhn check that the validator and the servers apply.

/** The `index`-th Luhn-valid SIREN of a test series (9 digits, check digit last). */
export function testSiren(index: number): string {
  const body = String(30_000_000 + index).padStart(8, '0');
  for (let check = 0; check <= 9; check++) {
    const siren = `${body}${check}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      let digit = Number(siren[8 - i]);
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 === 0) return siren;
  }
  throw new Error('unreachable');
}
