// Every call from the page goes through here (VS Code's validated ipcMain): a fixed list of
// channels, the sender checked (our window, its main frame, our origin), every argument parsed
// with zod, and the answer wrapped as IpcResult so errors reach the page as values.
import { z } from 'zod';
import type { IpcMain } from 'electron';
import { INVOKE_CHANNEL, type InvokeArgs, type InvokeHandlers, type InvokeName, type InvokeResult, type IpcResult } from '../../shared/bridge/contract.ts';
import { isAppUrl, type Log } from './security.ts';
import { errorMessage } from '../../shared/errors.ts';

/** What main does for each bridge call (implemented in handlers.ts): the contract's channel map, main's side. */
export type MainHandlers = InvokeHandlers;

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

const streamIdSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'not a stream id');

/**
 * The allow-list: each call of the channel map with the exact argument list it accepts. Typed by
 * the map, so a schema that parses to other arguments than the handler takes does not compile.
 */
export type ArgumentSchemas = { readonly [K in InvokeName]: z.ZodType<InvokeArgs<K>> };

export const ARGUMENT_SCHEMAS: ArgumentSchemas = {
  openFiles: z.tuple([]),
  openFolder: z.tuple([]),
  openDropped: z.tuple([z.array(pathSchema).min(1).max(1000)]),
  saveFile: z.tuple([saveRequestSchema]),
  saveStreamOpen: z.tuple([saveRequestSchema.omit({ parts: true })]),
  saveStreamWrite: z.tuple([streamIdSchema, z.array(z.union([z.string(), z.instanceof(Uint8Array)])).max(10_000)]),
  saveStreamClose: z.tuple([streamIdSchema, z.boolean()]),
  appInfo: z.tuple([]),
  showInFolder: z.tuple([pathSchema]),
};

const NAME_OF_CHANNEL: ReadonlyMap<string, InvokeName> = new Map(Object.entries(INVOKE_CHANNEL).map(([name, channel]) => [channel, name as InvokeName]));

/** Parses the arguments of call `name` and runs its handler; the types correlate through the map. */
function route<K extends InvokeName>(name: K, args: unknown): { success: true; run: (handlers: MainHandlers) => Promise<InvokeResult<K>> } | { success: false; error: z.ZodError } {
  const parsed = ARGUMENT_SCHEMAS[name].safeParse(args);
  if (!parsed.success) return { success: false, error: parsed.error };
  const callArgs: InvokeArgs<K> = parsed.data;
  return { success: true, run: (handlers) => handlers[name](...callArgs) };
}

export const INVOKE_CHANNELS: readonly string[] = [...NAME_OF_CHANNEL.keys()];

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
    const name = NAME_OF_CHANNEL.get(channel);
    if (name === undefined) {
      deps.log(`IPC refused: unknown channel ${JSON.stringify(channel)}`);
      return { ok: false, error: 'Unknown channel' };
    }
    const refusal = senderRefusal(event, deps);
    if (refusal !== null) {
      deps.log(`IPC refused on ${channel}: ${refusal}`);
      return { ok: false, error: 'Sender not allowed' };
    }
    const parsed = route(name, args);
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
