import { EdifactError } from './edifact-error';
import { DEFAULT_SERVICE_CHARS, type ServiceChars } from './service-chars';

/**
 * Numbers in EDIFACT (ISO 9735): optional minus sign, digits, and the decimal mark declared in
 * UNA with at least one digit on each side. No plus sign, no thousands separator, no exponent.
 * The codec itself keeps values as text; these helpers are for the message layer.
 */
function pattern(decimal: string): RegExp {
  return new RegExp(`^-?[0-9]+(?:\\${decimal}[0-9]+)?$`);
}

/** Writes a number with the declared decimal mark (`1234.5` → `1234,5` for DGFiP's `UNA:+,? '`). */
export function formatDecimal(
  value: number | bigint | string,
  chars: ServiceChars = DEFAULT_SERVICE_CHARS,
): string {
  let text: string;
  if (typeof value === 'bigint') text = value.toString();
  else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(String(value), chars);
    text = Object.is(value, -0) ? '0' : expandExponent(String(value));
  } else {
    text = value;
  }
  if (!pattern('.').test(text)) throw invalid(text, chars);
  return chars.decimal === '.' ? text : text.replace('.', chars.decimal);
}

/** Reads a number written with the declared decimal mark; refuses anything else. */
export function parseDecimal(text: string, chars: ServiceChars = DEFAULT_SERVICE_CHARS): number {
  if (typeof text !== 'string' || !pattern(chars.decimal).test(text)) throw invalid(text, chars);
  return Number(chars.decimal === '.' ? text : text.replace(chars.decimal, '.'));
}

/** `1e21` → `1000000000000000000000`, `1.5e-7` → `0.00000015` (String(number) uses exponents). */
function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', int = '', frac = '', exp = '0'] = match;
  const digits = int + frac;
  const point = int.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function invalid(text: unknown, chars: ServiceChars): EdifactError {
  return new EdifactError(
    'DECIMAL_INVALID',
    `« ${String(text)} » n’est pas un nombre EDIFACT (chiffres, signe moins en tête et marque ` +
      `décimale « ${chars.decimal} » seulement, sans séparateur de milliers ni exposant)`,
  );
}
