// The port through which the core asks for a batch file's path: Electron's native dialogs, given by main.
// The browser host has none; there the page uploads and downloads the file itself (batch-file-routes.ts).
export interface BatchFileDialogs {
  /** Resolves with an absolute path to a .json file, or null when the person cancels. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  chooseOpenPath(): Promise<string | null>;
}
