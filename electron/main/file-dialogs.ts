// Batch files in the app: main shows the native dialogs and hands the core the path the person chose, so the
// renderer never names a path and the plan never travels through the contract as text.
import { isAbsolute } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { BatchFileDialogs } from '../features/batches/file-dialogs';

const FILTERS = [{ name: 'Klientdesk batch file', extensions: ['json'] }];

/** The contract takes only absolute paths to .json files; a name typed without the extension gets it. */
function asBatchFilePath(path: string | undefined): string | null {
  if (!path || !isAbsolute(path)) return null;
  return /\.json$/i.test(path) ? path : `${path}.json`;
}

export function nativeBatchFileDialogs(window: () => BrowserWindow | null): BatchFileDialogs {
  return {
    async chooseSavePath(suggestedName) {
      const options = {
        defaultPath: suggestedName,
        filters: FILTERS,
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const owner = window();
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : asBatchFilePath(result.filePath);
    },
    async chooseOpenPath() {
      const options = { filters: FILTERS, properties: ['openFile' as const] };
      const owner = window();
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : asBatchFilePath(result.filePaths[0]);
    },
  };
}
