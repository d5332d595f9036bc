import { describe, expect, it } from 'vitest';
import { auditActions } from '@passerelle/contracts';
import { auditActionLabel, auditActionLabels } from './audit-labels';

describe('auditActionLabels', () => {
  it('labels every audit action of the contracts in French', () => {
    expect(Object.keys(auditActionLabels).sort()).toEqual([...auditActions].sort());
    for (const action of auditActions) expect(auditActionLabel(action)).not.toBe(action);
  });

  it('shows an unknown (newer) action as its code', () => {
    expect(auditActionLabel('declaration.sent')).toBe('declaration.sent');
  });
});
