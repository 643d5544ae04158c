import { useCallback } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import type { Settings } from '../../../../shared/contract/app';
import { call } from '../../api/client';
import { useAppStore } from '../../state/app-store';

/** settings.update, then the app store: which is what switches language and theme in App.tsx. */
export function useUpdateSettings(): (patch: ChannelInput<'settings.update'>) => Promise<Settings> {
  const setSettings = useAppStore((s) => s.setSettings);
  return useCallback(
    async (patch) => {
      const next = await call('settings.update', patch);
      setSettings(next);
      return next;
    },
    [setSettings],
  );
}
