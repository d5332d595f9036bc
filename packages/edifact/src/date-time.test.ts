import { describe, expect, it } from 'vitest';
import { formatDateTime } from './date-time';
import { EdifactError } from './edifact-error';

describe('formatDateTime', () => {
  it('writes S004 in Paris time by default, YYMMDD before version 4 and CCYYMMDD in version 4', () => {
    const winter = new Date('2025-03-14T09:30:00Z');
    expect(formatDateTime(winter)).toEqual(['250314', '1030']);
    expect(formatDateTime(winter, { timeZone: 'UTC' })).toEqual(['250314', '0930']);
    expect(formatDateTime(new Date('2025-07-01T22:30:00Z'), { version: '4' })).toEqual([
      '20250702',
      '0030',
    ]);
    expect(() => formatDateTime(new Date('nope'))).toThrow(EdifactError);
  });
});
