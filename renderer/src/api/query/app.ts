// The app's own answers: settings and the status (environment, online, session). The status is kept current
// by the `app.status` event (server-events.ts), so it is asked for once and never goes stale by time.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../shared/contract';
import type { AppStatus, Settings } from '../../../../shared/contract/app';
import { call } from '../client';
import { queryClient } from './app-query-client';
import { queryKeys } from './keys';

const settingsQuery = { queryKey: queryKeys.settings, queryFn: () => call('settings.get', {}), staleTime: Infinity };
const statusQuery = { queryKey: queryKeys.status, queryFn: () => call('app.status', {}), staleTime: Infinity };

export const useSettingsQuery = () => useQuery(settingsQuery);

export const useStatusQuery = () => useQuery(statusQuery);

/** Asks for what the frame waits on as the page opens, before React's first render (main.tsx). */
export function prefetchAppQueries(): void {
  void queryClient.prefetchQuery(settingsQuery);
  void queryClient.prefetchQuery(statusQuery);
}

/** The settings, once loaded (the frame is shown only after they are). */
export const useSettings = (): Settings | null => useSettingsQuery().data ?? null;

/** The status, once loaded. */
export const useAppStatus = (): AppStatus | null => useStatusQuery().data ?? null;

/** Shows a status the renderer already knows (e.g. the session a sign-in just returned) before its event. */
export const showStatus = (status: AppStatus): void => void queryClient.setQueryData(queryKeys.status, status);

/** settings.update; its answer goes into the cache, which is what switches language and theme in App.tsx. */
export function useUpdateSettings(): (patch: ChannelInput<'settings.update'>) => Promise<Settings> {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (patch: ChannelInput<'settings.update'>) => call('settings.update', patch),
    onSuccess: (next) => client.setQueryData(queryKeys.settings, next),
  });
  return mutation.mutateAsync;
}

/** Asks for the settings again (after a change the main process made to them, e.g. a new environment's config). */
export const refetchSettings = (): Promise<void> => queryClient.invalidateQueries({ queryKey: queryKeys.settings });
