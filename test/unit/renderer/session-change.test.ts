import { describe, expect, it } from 'vitest';
import type { AppStatus, Session } from '../../../shared/contract/app';
import { showStatus } from '../../../renderer/src/api/query/app';
import { useAppStore } from '../../../renderer/src/state/app-store';
import { onSessionChanged, sessionKey } from '../../../renderer/src/state/session-change';
import { useWizardLaunch } from '../../../renderer/src/views/clients/wizard/launch';
import { useBatchProgress } from '../../../renderer/src/views/batches/progress-store';

const person = (name: string, pid: string): Session => ({
  person: { name, pid },
  firm: { orgNumber: '310000027', name: 'REGNSKAPSFIRMA AS' },
  environment: 'demo',
  isClientAdmin: name !== 'Kari',
  signedInAt: '2026-12-01T10:00:00.000Z',
  expiresAt: null,
});
const status = (session: Session | null): AppStatus => ({
  environment: 'demo',
  connected: true,
  connecting: false,
  online: true,
  session,
  lastSyncAt: null,
});

describe('a change of session', () => {
  it('is told when a session ends or is replaced, not for every status of the same session', () => {
    let told = 0;
    const stop = onSessionChanged(() => told++);
    showStatus(status(person('Kari', '1')));
    showStatus({ ...status(person('Kari', '1')), online: false });
    expect(told).toBe(0);
    showStatus(status(null));
    expect(told).toBe(1);
    // Nobody's screen stays for the one who signs in next.
    showStatus(status(person('Morten', '2')));
    expect(told).toBe(1);
    showStatus(status(person('Kari', '1')));
    expect(told).toBe(2);
    stop();
  });

  it('clears the selection, the wizard request and what the batches view was to open and say', () => {
    showStatus(status(person('Kari', '1')));
    useAppStore.getState().setSelection(['313367002']);
    useWizardLaunch.getState().request('add');
    useBatchProgress.getState().focus('batch-1', 'Saved for Kari');
    showStatus(status(null));
    expect(useAppStore.getState().selection).toEqual([]);
    expect(useWizardLaunch.getState().pending).toBeNull();
    expect(useBatchProgress.getState()).toMatchObject({ focusBatchId: null, focusNote: null });
  });

  it('tells the same person signing in again from the one before', () => {
    const again = { ...person('Kari', '1'), signedInAt: '2026-12-01T11:00:00.000Z' };
    expect(sessionKey(status(again))).not.toBe(sessionKey(status(person('Kari', '1'))));
    expect(sessionKey(status(null))).toBe('');
  });
});
