// Every call from the page goes through here (VS Code's validated ipcMain): a fixed list of
// channels, the sender checked (our window, its main frame, our origin), every argument parsed
// with zod, and the answer wrapped as IpcResult so errors reach the page as values.
import { z } from 'zod';
import type { IpcMain } from 'electron';
import {
  IPC_CHANNELS,
  type AppInfo,
  type IpcResult,
  type OpenResult,
  type SaveRequest,
  type SaveResult,
} from '../../shared/bridge/contract.ts';
import { isAppUrl, type Log } from './security.ts';
import { errorMessage } from '../../shared/errors.ts';

/** What main does for each bridge call; implemented in handlers.ts. */
export interface MainHandlers {
  openFiles(): Promise<OpenResult>;
  openFolder(): Promise<OpenResult>;
  openDropped(paths: string[]): Promise<OpenResult>;
  saveFile(request: SaveRequest): Promise<SaveResult>;
  appInfo(): Promise<AppInfo>;
  showInFolder(location: string): Promise<void>;
}

const pathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => !value.includes('\0'), 'NUL in path');

export const saveRequestSchema = z.strictObject({
  suggestedName: z.string().min(1).max(255).refine((value) => !value.includes('\0'), 'NUL in name'),
  parts: z.array(z.union([z.string(), z.instanceof(Uint8Array)])).max(10_000_000),
  mimeType: z.string().max(255).optional(),
});

/** A channel's argument schema and what it calls; parsing and calling stay in one place. */
interface Route {
  parse(args: unknown): { success: true; run: (handlers: MainHandlers) => Promise<unknown> } | { success: false; error: z.ZodError };
}

function route<T>(schema: z.ZodType<T>, run: (handlers: MainHandlers, args: T) => Promise<unknown>): Route {
  return {
    parse(args) {
      const parsed = schema.safeParse(args);
      return parsed.success ? { success: true, run: (handlers) => run(handlers, parsed.data) } : { success: false, error: parsed.error };
    },
  };
}

/** The allow-list: each invoke channel with the exact argument list it accepts. */
const ROUTES: Readonly<Record<string, Route>> = {
  [IPC_CHANNELS.openFiles]: route(z.tuple([]), (h) => h.openFiles()),
  [IPC_CHANNELS.openFolder]: route(z.tuple([]), (h) => h.openFolder()),
  [IPC_CHANNELS.openDropped]: route(z.tuple([z.array(pathSchema).min(1).max(1000)]), (h, [paths]) => h.openDropped(paths)),
  [IPC_CHANNELS.saveFile]: route(z.tuple([saveRequestSchema]), (h, [request]) => h.saveFile(request)),
  [IPC_CHANNELS.appInfo]: route(z.tuple([]), (h) => h.appInfo()),
  [IPC_CHANNELS.showInFolder]: route(z.tuple([pathSchema]), (h, [location]) => h.showInFolder(location)),
};

export const INVOKE_CHANNELS: readonly string[] = Object.keys(ROUTES);

/** The parts of an invoke event the checks look at (Electron's IpcMainInvokeEvent has them). */
export interface SenderEvent {
  sender: { id: number; mainFrame?: unknown };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface SenderPolicy {
  appOrigin: string;
  /** True for the webContents of windows we created. */
  isOurWebContents(id: number): boolean;
}

/** Why a sender is refused, or null when it may call. */
export function senderRefusal(event: SenderEvent, policy: SenderPolicy): string | null {
  const frame = event.senderFrame;
  if (frame === null) return 'sender frame is gone';
  if (!policy.isOurWebContents(event.sender.id)) return `webContents ${event.sender.id} is not an app window`;
  if (frame.parent !== null || (event.sender.mainFrame !== undefined && event.sender.mainFrame !== frame)) {
    return 'call from a sub-frame';
  }
  if (!isAppUrl(frame.url, policy.appOrigin)) return `call from foreign URL ${frame.url}`;
  return null;
}

export interface DispatcherDeps extends SenderPolicy {
  handlers: MainHandlers;
  log: Log;
}

export type Dispatch = (channel: string, event: SenderEvent, args: unknown[]) => Promise<IpcResult<unknown>>;

export function createDispatcher(deps: DispatcherDeps): Dispatch {
  return async (channel, event, args) => {
    const routeFor = Object.hasOwn(ROUTES, channel) ? ROUTES[channel] : undefined;
    if (routeFor === undefined) {
      deps.log(`IPC refused: unknown channel ${JSON.stringify(channel)}`);
      return { ok: false, error: 'Unknown channel' };
    }
    const refusal = senderRefusal(event, deps);
    if (refusal !== null) {
      deps.log(`IPC refused on ${channel}: ${refusal}`);
      return { ok: false, error: 'Sender not allowed' };
    }
    const parsed = routeFor.parse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue === undefined ? '' : ` at ${issue.path.join('.') || '(arguments)'}: ${issue.message}`;
      deps.log(`IPC refused on ${channel}: invalid arguments${where}`);
      return { ok: false, error: `Invalid arguments${where}` };
    }
    try {
      return { ok: true, value: await parsed.run(deps.handlers) };
    } catch (error) {
      const message = errorMessage(error);
      deps.log(`IPC ${channel} failed: ${message}`);
      return { ok: false, error: message };
    }
  };
}

/** Register exactly the allow-listed channels; Electron itself refuses any other invoke. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => dispatch(channel, event as unknown as SenderEvent, args));
  }
}
