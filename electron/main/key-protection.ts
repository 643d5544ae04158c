// Which protection seals the private keys in the desktop app. The OS key store when it really is one;
// Linux's "basic_text" backend (no secret service running) is plaintext in disguise, so there the person's
// passphrase protects the keys instead, exactly as in the browser host.
import type { SafeStorage } from 'electron';
import { fallbackProtector } from '../platform/keys/fallback-protector';
import { osProtector, type KeyProtection } from '../platform/keys/protector';

type KeyStore = Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'>;

export function osKeyStoreUsable(store: KeyStore, platform: NodeJS.Platform): boolean {
  if (!store.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  const backend = store.getSelectedStorageBackend();
  return backend !== 'basic_text' && backend !== 'unknown';
}

export function keyProtection(store: KeyStore, platform: NodeJS.Platform, dataDir: string, env: NodeJS.ProcessEnv): KeyProtection {
  if (!osKeyStoreUsable(store, platform)) return fallbackProtector(dataDir, env);
  return osProtector({
    isAvailable: () => store.isEncryptionAvailable(),
    encrypt: (plain) => store.encryptString(plain.toString('base64')),
    decrypt: (sealed) => Buffer.from(store.decryptString(sealed), 'base64'),
  });
}
