import { describe, expect, it } from 'vitest';
import { ConfigError } from '@passerelle/server-kit';
import { readInboxConfig } from './config';

describe('readInboxConfig', () => {
  it('defaults to SMTP 1025 and HTTP 3100 on 127.0.0.1, keeping 500 messages', () => {
    expect(readInboxConfig({})).toEqual({
      smtpPort: 1025,
      httpPort: 3100,
      host: '127.0.0.1',
      publicUrl: undefined,
      allowedHosts: [],
      maxMessages: 500,
      logLevel: 'info',
    });
  });

  it('takes its HTTP port from HTTP_PORT, never from the declarant’s PORT', () => {
    expect(readInboxConfig({ PORT: '3000' }).httpPort).toBe(3100);
    expect(readInboxConfig({ PORT: '3000', HTTP_PORT: '3101' }).httpPort).toBe(3101);
  });

  it('refuses bad values, listing every problem', () => {
    let error: unknown;
    try {
      readInboxConfig({ SMTP_PORT: 'smtp', HTTP_PORT: '70000', INBOX_MAX_MESSAGES: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'SMTP_PORT : doit être un nombre entier',
      'HTTP_PORT : doit valoir au plus 65535',
      'INBOX_MAX_MESSAGES : doit valoir au moins 1',
    ]);
  });
});
