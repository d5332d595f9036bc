import { describe, expect, it } from 'vitest';
import { filenameFromContentDisposition } from './download';

describe('filenameFromContentDisposition', () => {
  it('reads the quoted file name the server sends', () => {
    expect(filenameFromContentDisposition('attachment; filename="signature-0a1b2c.p12"')).toBe(
      'signature-0a1b2c.p12',
    );
  });

  it('reads an unquoted name, and prefers filename* (UTF-8) when present', () => {
    expect(filenameFromContentDisposition('attachment; filename=cle.p12')).toBe('cle.p12');
    expect(
      filenameFromContentDisposition(
        'attachment; filename="cle.p12"; filename*=UTF-8\'\'cl%C3%A9%20sign%C3%A9e.p12',
      ),
    ).toBe('clé signée.p12');
  });

  it('drops folders and refuses empty names', () => {
    expect(filenameFromContentDisposition('attachment; filename="../../etc/passwd"')).toBe(
      'passwd',
    );
    expect(filenameFromContentDisposition('attachment; filename=".."')).toBeNull();
    expect(filenameFromContentDisposition('attachment')).toBeNull();
    expect(filenameFromContentDisposition(null)).toBeNull();
  });
});
