// Saving a file answered by the API (e.g. "Exporter (.p12)") without leaving the page.

/**
 * The file name proposed by a Content-Disposition header (RFC 6266): `filename*` (RFC 8187,
 * UTF-8) first, else `filename`. Any folder part and control character is dropped; null when
 * the header gives no usable name.
 */
export function filenameFromContentDisposition(header: string | null): string | null {
  if (header === null) return null;
  const extended = /filename\*\s*=\s*([^;]+)/i.exec(header)?.[1]?.trim();
  if (extended !== undefined) {
    const match = /^utf-8'[^']*'(.+)$/i.exec(extended);
    if (match?.[1] !== undefined) {
      try {
        const name = sanitize(decodeURIComponent(match[1]));
        if (name !== null) return name;
      } catch {
        // Badly encoded: fall back to the plain parameter.
      }
    }
  }
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header)?.[1];
  if (quoted !== undefined) return sanitize(quoted.replace(/\\(.)/g, '$1'));
  const token = /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1];
  return token === undefined ? null : sanitize(token);
}

function sanitize(name: string): string | null {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base === '' || base === '.' || base === '..' ? null : base;
}

/** How long the object URL of a saved file stays valid (the browser has started the download). */
const REVOKE_AFTER_MS = 10_000;

/**
 * Saves `blob` as `filename` through an object URL and a temporary `<a download>` (allowed by
 * the CSP `default-src 'self'`: no inline script, no navigation away from the app).
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.rel = 'noopener';
  anchor.hidden = true;
  document.body.append(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    // Revoked a little later: revoking at once can cancel the download in some browsers, and
    // the key material should not stay reachable for the page's whole life.
    window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
