// The app, assembled once for every shell (the Electron main process, the browser host, the tests): the
// data folder's lock, an optional backup put back, where the Demo world comes from, the core and the one
// dispatcher every transport serves. The shells add only what is theirs: a window and IPC, or an HTTP host.
import { join, resolve } from 'node:path';
import { createDispatcher, type Dispatch } from '../platform/ipc/dispatch';
import { DB_FILE_NAME, restoreBackup } from '../platform/store/database';
import { lockDataFolder } from '../platform/store/data-folder-lock';
import { worldConnectionFromArgs, type WorldConnection } from '../services/world/connection';
import { embeddedWorld, type StartedWorld } from '../services/world/embedded';
import { openCore, type Core, type CoreOptions } from './create-core';

export interface AssemblyOptions<W extends StartedWorld> extends Omit<CoreOptions, 'demoWorld'> {
  /** Who holds the data folder, named in the message a second process on it gets ("the Klientdesk app"). */
  holder: string;
  /** The command line and environment, for `--world URL` and its secret. */
  commandLine?: { argv: readonly string[]; env: NodeJS.ProcessEnv };
  /** A standalone world chosen by the caller itself (tests); wins over the command line. */
  standaloneWorld?: WorldConnection;
  /**
   * Starts a demo world in this process when Demo becomes active and no other world is chosen. The shells
   * pass it in: the app's layers never import the world's code.
   */
  startEmbeddedWorld?: () => Promise<W>;
  /** Told of the embedded world as it starts and stops (tests reach its in-process admin). */
  onEmbeddedWorld?: (world: W | null) => void;
  /** A database backup to put back in place before the store opens. */
  restoreBackupFrom?: string;
  /** Receives unexpected failures of a channel; never tokens or keys (the dispatcher redacts first). */
  onInternalError?: (channel: string, error: unknown) => void;
}

export interface AssembledApp {
  dataDir: string;
  core: Core;
  dispatch: Dispatch;
  /** The standalone world the command line chose, if any. */
  standaloneWorld: WorldConnection | undefined;
  /** Stops the features and the environment, closes the store and lets the data folder go. */
  close(): Promise<void>;
}

/** The app assembled and started: the environment connected (or known not to answer) and the features running. */
export async function assembleApp<W extends StartedWorld>(options: AssemblyOptions<W>): Promise<AssembledApp> {
  const app = openApp(options);
  try {
    await app.core.start();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

/**
 * The app assembled but not started: the folder locked and the store open, so what reads only the store can
 * be answered (start-gate.ts); every other call waits for `core.start()`. Throws at once when the folder is
 * taken or the store cannot open, so a shell can say so before it shows anything.
 */
export function openApp<W extends StartedWorld>(options: AssemblyOptions<W>): AssembledApp {
  const { holder, commandLine, standaloneWorld, startEmbeddedWorld, onEmbeddedWorld, restoreBackupFrom, onInternalError, ...coreOptions } =
    options;
  // Held until close; a second process on the same folder stops here with a plain sentence.
  const folderLock = lockDataFolder(options.dataDir, holder);
  try {
    if (restoreBackupFrom) restoreBackup(join(options.dataDir, DB_FILE_NAME), resolve(restoreBackupFrom));
    const standalone = standaloneWorld ?? (commandLine && worldConnectionFromArgs(commandLine.argv, commandLine.env));
    const core = openCore({
      ...coreOptions,
      demoWorld: { standalone, embedded: startEmbeddedWorld && embeddedWorld(startEmbeddedWorld, onEmbeddedWorld) },
    });
    const dispatch = createDispatcher(core.handlers, { onInternalError });
    return {
      dataDir: options.dataDir,
      core,
      dispatch,
      standaloneWorld: standalone,
      async close() {
        try {
          await core.close();
        } finally {
          folderLock.release();
        }
      },
    };
  } catch (error) {
    folderLock.release();
    throw error;
  }
}
