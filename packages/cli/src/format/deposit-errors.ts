import type { DepositError, Transmission } from '@passerelle/contracts';

/** "2033A" → "2033-A", as the forms are printed. */
export function formatForm(form: string): string {
  return form.replace(/^(\d{4})([A-Z])$/, '$1-$2');
}

/** One error line of a CONTRL or CR: "Rejet — 2033-A, case FG « Terrains » : message". */
export function depositErrorLine(error: DepositError): string {
  const where = [
    error.form ? formatForm(error.form) : undefined,
    error.cell ? `case ${error.cell}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const label = error.label ? ` « ${error.label} »` : '';
  const severity = error.severity === 'rejet' ? 'Rejet' : 'Alerte';
  return `${severity}${where || label ? ` — ${where}${label}` : ''} : ${error.message} (${error.code})`;
}

/**
 * Why a transmission went wrong, in lines: the DGFiP's error lines (at most `limit`), else the
 * last detail of its timeline or its last delivery error.
 */
export function transmissionProblemLines(transmission: Transmission, limit = 20): string[] {
  if (transmission.errors.length > 0) {
    const lines = transmission.errors.slice(0, limit).map(depositErrorLine);
    if (transmission.errors.length > limit)
      lines.push(`… et ${transmission.errors.length - limit} autres.`);
    return lines;
  }
  const detail = [...transmission.history].reverse().find((event) => event.detail)?.detail;
  const reason = detail ?? transmission.lastError;
  return reason ? [reason] : [];
}
