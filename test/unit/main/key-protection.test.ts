// The desktop app uses the OS key store only where it really is one; elsewhere the typed passphrase.
import { describe, expect, it, vi } from 'vitest';
import { safeStorage } from './electron-fake';

vi.mock('electron', () => import('./electron-fake'));

const { keyProtection, osKeyStoreUsable } = await import('../../../electron/main/key-protection');

type KeyStore = Parameters<typeof keyProtection>[0];
const store = (available: boolean, backend: string): KeyStore => ({ ...safeStorage, available, backend }) as unknown as KeyStore;

describe('the key protection of the desktop app', () => {
  it('uses the OS key store on Windows and macOS, and on Linux with a secret service', () => {
    expect(keyProtection(store(true, 'unknown'), 'win32', '/d', {}).kind).toBe('os');
    expect(keyProtection(store(true, 'unknown'), 'darwin', '/d', {}).kind).toBe('os');
    for (const backend of ['gnome_libsecret', 'kwallet5', 'kwallet6']) {
      expect(keyProtection(store(true, backend), 'linux', '/d', {}).kind, backend).toBe('os');
    }
  });

  it('falls back to the typed passphrase on Linux with basic_text, and where no key store is available', () => {
    expect(osKeyStoreUsable(store(true, 'basic_text'), 'linux')).toBe(false);
    expect(keyProtection(store(true, 'basic_text'), 'linux', '/d', {})).toMatchObject({
      kind: 'typed-passphrase',
      legacyPassphraseFile: '/d/key-passphrase',
    });
    expect(keyProtection(store(false, 'gnome_libsecret'), 'linux', '/d', {}).kind).toBe('typed-passphrase');
    expect(keyProtection(store(false, 'unknown'), 'darwin', '/d', { KLIENTDESK_KEY_PASSPHRASE: 'from the admin' })).toMatchObject({
      kind: 'typed-passphrase',
      given: 'from the admin',
    });
  });

  it('seals through the OS key store and opens again', () => {
    const protection = keyProtection(store(true, 'gnome_libsecret'), 'linux', '/d', {});
    if (protection.kind !== 'os') throw new Error('expected the OS key store');
    const sealed = protection.encrypt(Buffer.from('secret der'));
    expect(sealed.includes(Buffer.from('secret der'))).toBe(false);
    expect(protection.decrypt(sealed).toString()).toBe('secret der');
  });
});
