import { describe, expect, it } from 'vitest';
import { readAuditActor, systemUserActor, wordAuditActor } from '../../../shared/domain/audit-actor';

const SU = '2e3f4051-3333-4444-8555-666677778888';

describe('the audit actor', () => {
  it('stores a system user acting for a person as facts, not as a sentence in one language', () => {
    const stored = systemUserActor(SU, 'Morten Lie');
    expect(stored).not.toMatch(/system user|systemtilgang/i);
    expect(readAuditActor(stored)).toEqual({ kind: 'systemUser', systemUserId: SU, queuedBy: 'Morten Lie' });
    expect(wordAuditActor(stored, 'nb')).toBe(`Systemtilgang ${SU} på vegne av Morten Lie`);
    expect(wordAuditActor(stored, 'en')).toBe(`System access ${SU} on behalf of Morten Lie`);
  });

  it('shows a person by name in every language, even a name that looks like a stored actor', () => {
    expect(wordAuditActor('Kari Nordby', 'nb')).toBe('Kari Nordby');
    expect(wordAuditActor('Klientdesk', 'en')).toBe('Klientdesk');
    expect(wordAuditActor('{"systemUser": broken', 'en')).toBe('{"systemUser": broken');
  });

  it('reads the English sentence older rows stored', () => {
    expect(readAuditActor(`system user ${SU} for Jonas Berg`)).toEqual({ kind: 'systemUser', systemUserId: SU, queuedBy: 'Jonas Berg' });
    expect(wordAuditActor(`system user ${SU} for Jonas Berg`, 'nb')).toBe(`Systemtilgang ${SU} på vegne av Jonas Berg`);
  });
});
