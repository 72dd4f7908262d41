// The only thing the page gets from Electron: the Bridge, nothing more (no ipcRenderer, no
// generic invoke). Bundled as one CommonJS file so it can run in the sandbox.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { IPC_CHANNELS, MENU_COMMANDS, typedInvoke, type Bridge, type MenuCommand, type SaveRequest, type SaveStreamRequest } from '../../shared/bridge/contract.ts';

/** Calls main over the channel map: arguments and result typed by the contract, errors thrown. */
const invoke = typedInvoke((channel, ...args) => ipcRenderer.invoke(channel, ...args));

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

const bridge = {
  openFiles: () => invoke('openFiles'),
  openFolder: () => invoke('openFolder'),
  saveFile: (request: SaveRequest) => invoke('saveFile', request),
  saveStreamOpen: (request: SaveStreamRequest) => invoke('saveStreamOpen', request),
  saveStreamWrite: (stream: string, parts: (string | Uint8Array)[]) => invoke('saveStreamWrite', stream, parts),
  saveStreamClose: (stream: string, commit: boolean) => invoke('saveStreamClose', stream, commit),
  appInfo: () => invoke('appInfo'),
  showInFolder: (location: string) => invoke('showInFolder', location),
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
    return invoke('openDropped', paths);
  },
} satisfies Bridge;

contextBridge.exposeInMainWorld('presswork', bridge);
