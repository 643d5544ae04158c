// app.*: what the app is and how it stands (environment, network, session, last sync), and opening a link in
// the system browser.
import type { AppStatus } from '../../../shared/contract/app';
import { AppError } from '../../../shared/errors';
import type { ChannelsOf, Feature, HandlersOf } from '../../app/feature';
import type { ChannelOutput } from '../../../shared/contract';
import { isSafeExternalUrl } from './safe-url';

export type AppChannel = ChannelsOf<'app.'>;

export interface AppDeps {
  info: ChannelOutput<'app.info'>;
  status(): AppStatus;
  /** The window's first screen is up (first-screen.ts). */
  firstScreenShown(): void;
  /** Opens an https URL in the system browser; absent in the browser host. */
  openExternal?: (url: string) => Promise<void>;
}

export function appFeature(deps: AppDeps): Feature<AppChannel> {
  const handlers = {
    'app.info': () => deps.info,
    'app.status': () => deps.status(),
    'app.firstScreen': () => {
      deps.firstScreenShown();
      return {};
    },
    'app.openExternal': async ({ url }) => {
      if (!isSafeExternalUrl(url)) throw new AppError('UNSAFE_URL', 'Only https links can be opened.');
      if (!deps.openExternal) {
        throw new AppError('NOT_AVAILABLE', `Open this address in your browser: ${url}`, undefined, { reason: 'openExternal', url });
      }
      await deps.openExternal(url);
      return {};
    },
  } satisfies HandlersOf<AppChannel>;
  return { handlers };
}
