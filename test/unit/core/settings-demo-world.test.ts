// The "Demo world address" setting: the address is a setting like any other, the admin secret is kept beside
// it and never returned with the settings (they cross to the renderer).
import { afterEach, describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../../electron/platform/settings/settings-store';
import { openDatabase } from '../../../electron/platform/store/database';

describe('the demo world address setting', () => {
  const { db } = openDatabase({ file: ':memory:' });
  afterEach(() => db.prepare('DELETE FROM settings').run());

  it('keeps the address, says a secret is stored, and never hands the secret out with the settings', () => {
    const store = createSettingsStore(db);
    expect(store.get().demoWorld).toEqual({ address: '', secretSet: false });
    const saved = store.update({ demoWorld: { address: ' http://127.0.0.1:7404 ', secret: 'world-secret-123' } });
    expect(saved.demoWorld).toEqual({ address: 'http://127.0.0.1:7404', secretSet: true });
    expect(JSON.stringify(store.get())).not.toContain('world-secret-123');
    expect(store.demoWorldSecret()).toBe('world-secret-123');
  });

  it('keeps the stored secret when only the address changes, and forgets both for the embedded world', () => {
    const store = createSettingsStore(db);
    store.update({ demoWorld: { address: 'http://127.0.0.1:7404', secret: 's-1' } });
    expect(store.update({ demoWorld: { address: 'http://127.0.0.1:7410' } }).demoWorld).toEqual({
      address: 'http://127.0.0.1:7410',
      secretSet: true,
    });
    expect(store.demoWorldSecret()).toBe('s-1');
    expect(store.update({ demoWorld: { address: '' } }).demoWorld).toEqual({ address: '', secretSet: false });
    expect(store.demoWorldSecret()).toBe('');
  });
});
