// One policy applied to every webContents the app ever creates (Signal-Desktop's
// handleCommonWindowEvents, Actual Budget's security.ts): the page can never navigate away from
// the app, never open windows, never gain permissions; only plain web links the user just
// clicked (or chose with the keyboard) leave, and they leave for the system browser.
import type { Event, HandlerDetails, InputEvent, Session, Shell, WebContents } from 'electron';

export type Log = (message: string) => void;

/** True when `url` belongs to the app itself (same origin as the app's own pages). */
export function isAppUrl(url: string, appOrigin: string): boolean {
  try {
    const parsed = new URL(url);
    const expected = new URL(appOrigin);
    return parsed.protocol === expected.protocol && parsed.host === expected.host;
  } catch {
    return false;
  }
}

/**
 * Links we hand to the system browser: http(s) only, with a real host and no embedded
 * credentials (a classic way to disguise where a link goes). Everything else — file:, smb:,
 * javascript:, custom schemes that launch local programs — is refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.hostname === '') return false;
  return true;
}

export interface NavigationPolicyDeps {
  appOrigin: string;
  /** The only place the app calls openExternal, always behind isSafeExternalUrl. */
  shell: Pick<Shell, 'openExternal'>;
  log: Log;
  /** Milliseconds clock; tests pass their own. */
  now?: () => number;
}

/**
 * Electron's window-open details carry no user-gesture flag (its `disposition` says how a link
 * was opened, not whether a person did it), so main tracks user activation itself, as Chromium
 * defines it: a key press (not Escape), a mouse or pointer press, a tap, within the last few
 * seconds (Chromium's transient activation lasts 5 s). Each activation lets one link out.
 */
export const USER_ACTIVATION_MS = 5000;
const ACTIVATING_INPUT: ReadonlySet<string> = new Set(['mouseDown', 'rawKeyDown', 'keyDown', 'pointerDown', 'touchEnd', 'gestureTap']);

export function isActivatingInput(input: Pick<InputEvent, 'type'> & { key?: string; keyCode?: string }): boolean {
  if (!ACTIVATING_INPUT.has(input.type)) return false;
  const key = input.key ?? input.keyCode;
  return key !== 'Escape' && key !== 'Esc';
}

type NavigationEvent = Pick<Event, 'preventDefault'>;

/** The part of WebContents the policy touches; small so tests can fake it. */
export interface PolicyTarget {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'input-event', listener: (event: unknown, input: Pick<InputEvent, 'type'> & { key?: string; keyCode?: string }) => void): unknown;
  setWindowOpenHandler(handler: (details: Pick<HandlerDetails, 'url'>) => { action: 'deny' }): void;
}

function openIfSafe(url: string, deps: NavigationPolicyDeps, why: string, userActivated: boolean): void {
  if (!userActivated) {
    deps.log(`${why}: refused ${url} (no click or key press just before)`);
  } else if (isSafeExternalUrl(url)) {
    deps.log(`${why}: opening ${url} in the system browser`);
    deps.shell.openExternal(url).catch((error: unknown) => deps.log(`openExternal failed: ${String(error)}`));
  } else {
    deps.log(`${why}: refused ${url}`);
  }
}

export function applyNavigationPolicy(contents: PolicyTarget, deps: NavigationPolicyDeps): void {
  const now = deps.now ?? Date.now;
  let activatedAt: number | undefined;
  contents.on('input-event', (_event, input) => {
    if (isActivatingInput(input)) activatedAt = now();
  });
  /** True once per recent activation: a script cannot open a stream of links after one click. */
  const consumeActivation = (): boolean => {
    const ok = activatedAt !== undefined && now() - activatedAt <= USER_ACTIVATION_MS;
    activatedAt = undefined;
    return ok;
  };
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, deps.appOrigin)) return;
    event.preventDefault();
    openIfSafe(url, deps, 'navigation blocked', consumeActivation());
  });
  // A redirect is never the user's choice: block without opening anything.
  contents.on('will-redirect', (event, url) => {
    if (isAppUrl(url, deps.appOrigin)) return;
    event.preventDefault();
    deps.log(`redirect blocked: ${url}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.log('webview refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    openIfSafe(url, deps, 'window.open denied', consumeActivation());
    return { action: 'deny' };
  });
}

/** Permissions the app may use; everything else (camera, location, notifications…) is denied. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string, appOrigin: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, appOrigin);
}

export function applyPermissionPolicy(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  deps: { appOrigin: string; log: Log },
): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const url = details.requestingUrl || contents.getURL();
    const allowed = isPermissionAllowed(permission, url, deps.appOrigin);
    if (!allowed) deps.log(`permission denied: ${permission} for ${url}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, deps.appOrigin),
  );
}

/**
 * The Content Security Policy sent with every app page. No 'unsafe-eval', no remote origins.
 * 'wasm-unsafe-eval' only allows compiling WebAssembly (pdf.js decoders), not JS eval.
 * Inline styles are allowed because the editor and React set style attributes.
 * `devServer` widens it to the dev server's origin (development builds only).
 */
export function contentSecurityPolicy(devServer?: string): string {
  const self = devServer === undefined ? "'self'" : `'self' ${new URL(devServer).origin}`;
  const connect = devServer === undefined ? "'self'" : `${self} ${new URL(devServer).origin.replace(/^http/, 'ws')}`;
  return [
    `default-src ${self}`,
    `script-src ${self} 'wasm-unsafe-eval'`,
    `style-src ${self} 'unsafe-inline'`,
    `img-src ${self} data: blob:`,
    `font-src ${self} data:`,
    `connect-src ${connect}`,
    `worker-src ${self} blob:`,
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Adds the CSP to every response the session receives (the dev server's included). */
export function applyCspHeader(session: Pick<Session, 'webRequest'>, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === 'content-security-policy') delete headers[key];
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
}

/** Listener for `app.on('web-contents-created')`: every webContents gets the navigation policy. */
export function secureAllWebContents(deps: NavigationPolicyDeps): (event: unknown, contents: WebContents) => void {
  return (_event, contents) => applyNavigationPolicy(contents as unknown as PolicyTarget, deps);
}
