import type { Bridge } from '@shared/bridge/contract.ts';
import { webBridge } from './web-bridge.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    presswork?: Bridge;
  }
}

/** The one place the app gets its bridge: the preload's in the desktop shell, else the web one. */
export const bridge: Bridge = window.presswork ?? webBridge;
