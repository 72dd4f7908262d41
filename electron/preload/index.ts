// The only thing the page gets from Electron: the Bridge, nothing more (no ipcRenderer, no
// generic invoke). Bundled as one CommonJS file so it can run in the sandbox.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import {
  IPC_CHANNELS,
  MENU_COMMANDS,
  type Bridge,
  type IpcResult,
  type MenuCommand,
  type SaveRequest,
} from '../../shared/bridge/contract.ts';

type InvokeChannel = Exclude<(typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS], typeof IPC_CHANNELS.menuCommand | typeof IPC_CHANNELS.closeRequest | typeof IPC_CHANNELS.closeReady>;

/** Main answers with IpcResult; the page sees a value or a thrown Error, as with any async API. */
async function invoke<T>(channel: InvokeChannel, ...args: unknown[]): Promise<T> {
  const result = (await ipcRenderer.invoke(channel, ...args)) as IpcResult<T>;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

const bridge = {
  openFiles: () => invoke(IPC_CHANNELS.openFiles),
  openFolder: () => invoke(IPC_CHANNELS.openFolder),
  saveFile: (request: SaveRequest) => invoke(IPC_CHANNELS.saveFile, request),
  appInfo: () => invoke(IPC_CHANNELS.appInfo),
  showInFolder: (location: string) => invoke(IPC_CHANNELS.showInFolder, location),
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const onMessage = (_event: unknown, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(IPC_CHANNELS.menuCommand, onMessage);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.menuCommand, onMessage);
    };
  },
  onCloseRequest(settle: () => Promise<void>): () => void {
    const onMessage = (): void => {
      // Main closes the window on this answer, whatever became of the writes (it has a timeout too).
      void settle().finally(() => ipcRenderer.send(IPC_CHANNELS.closeReady));
    };
    ipcRenderer.on(IPC_CHANNELS.closeRequest, onMessage);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.closeRequest, onMessage);
    };
  },
  async openDropped(files: readonly File[]) {
    // Files made by script (new File(…)) have no path: only what the user really dropped counts.
    const paths = Array.from(files, (file) => webUtils.getPathForFile(file)).filter((path) => path !== '');
    if (paths.length === 0) return { files: [], unreadable: [] };
    return invoke(IPC_CHANNELS.openDropped, paths);
  },
} satisfies Bridge;

contextBridge.exposeInMainWorld('presswork', bridge);
