// Who an audit row names as having acted. A person is stored by name; the firm's client-administration system user
// acting for the person who queued a batch is stored as the two facts (its id and the person's name), never as a
// sentence, so the screen and the CSV export word it in the reader's language. Rows written before this kept an
// English sentence ("system user <id> for <name>"); they are read back into the same facts.
import type { Language } from './outcomes';

export type AuditActor = { kind: 'person'; name: string } | { kind: 'systemUser'; systemUserId: string; queuedBy: string };

const LEGACY = /^system user (\S+) for (.+)$/s;

/** The stored form of "the system user acted for this person". */
export const systemUserActor = (systemUserId: string, queuedBy: string): string =>
  JSON.stringify({ systemUser: systemUserId, for: queuedBy });

export function readAuditActor(stored: string): AuditActor {
  if (stored.startsWith('{"systemUser"')) {
    try {
      const v = JSON.parse(stored) as { systemUser?: unknown; for?: unknown };
      if (typeof v.systemUser === 'string' && typeof v.for === 'string')
        return { kind: 'systemUser', systemUserId: v.systemUser, queuedBy: v.for };
    } catch {
      // Not ours after all: a name that happens to look like it is shown as it is.
    }
  }
  const legacy = LEGACY.exec(stored);
  if (legacy) return { kind: 'systemUser', systemUserId: legacy[1]!, queuedBy: legacy[2]! };
  return { kind: 'person', name: stored };
}

const WORDS: Record<Language, (systemUserId: string, person: string) => string> = {
  nb: (id, person) => `Systemtilgang ${id} på vegne av ${person}`,
  en: (id, person) => `System access ${id} on behalf of ${person}`,
};

export function wordAuditActor(stored: string, lang: Language): string {
  const actor = readAuditActor(stored);
  return actor.kind === 'person' ? actor.name : WORDS[lang](actor.systemUserId, actor.queuedBy);
}
