import { describe, expect, it, vi } from 'vitest';
import {
  applyNavigationPolicy,
  applyPermissionPolicy,
  contentSecurityPolicy,
  isAppUrl,
  isPermissionAllowed,
  isSafeExternalUrl,
  USER_ACTIVATION_MS,
  type PolicyTarget,
} from './security.ts';
import { APP_ENTRY_URL, APP_ORIGIN } from './protocol.ts';

type Listener = (event: { preventDefault(): void }, arg?: unknown) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const target = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return target;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
  };
  return {
    target: target as unknown as PolicyTarget,
    fire(event: string, url?: string) {
      const preventDefault = vi.fn();
      const listener = listeners.get(event);
      if (listener === undefined) throw new Error(`no listener for ${event}`);
      listener({ preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    },
    /** An input event as Electron reports it ('mouseDown', 'keyDown', 'mouseMove'…). */
    input(type: string, key?: string) {
      // No listener: the policy ignores input (it did before user activation was required).
      listeners.get('input-event')?.({ preventDefault: vi.fn() }, key === undefined ? { type } : { type, keyCode: key });
    },
    open(url: string) {
      if (openHandler === undefined) throw new Error('no window open handler');
      return openHandler({ url });
    },
  };
}

function setup() {
  const contents = fakeContents();
  const openExternal = vi.fn(async () => undefined);
  const log = vi.fn();
  const clock = { ms: 1_000_000 };
  applyNavigationPolicy(contents.target, { appOrigin: APP_ORIGIN, shell: { openExternal }, log, now: () => clock.ms });
  return { contents, openExternal, log, clock };
}

describe('isAppUrl', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl(APP_ENTRY_URL, APP_ORIGIN)).toBe(true);
    expect(isAppUrl('app://presswork/assets/x.js', APP_ORIGIN)).toBe(true);
    expect(isAppUrl('app://evil/index.html', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('https://presswork/index.html', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('not a url', APP_ORIGIN)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://example.org/article?id=1', true],
    ['http://example.org/', true],
    ['file:///home/user/.ssh/id_rsa', false],
    ['javascript:alert(1)', false],
    ['smb://server/share', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['https://user:pass@example.org/', false],
    ['app://presswork/index.html', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['', false],
    [`https://example.org/${'a'.repeat(3000)}`, false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });
});

describe('navigation policy', () => {
  it('blocks navigation away from the app and opens web links in the system browser', () => {
    const { contents, openExternal } = setup();
    contents.input('mouseDown');
    expect(contents.fire('will-navigate', 'https://example.org/story')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://example.org/story');
  });

  it('blocks navigation to local files without opening them anywhere', () => {
    const { contents, openExternal, log } = setup();
    contents.input('mouseDown');
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('refused'));
  });

  it('lets the app navigate within itself (reload)', () => {
    const { contents, openExternal } = setup();
    expect(contents.fire('will-navigate', APP_ENTRY_URL)).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('blocks redirects away from the app without opening them', () => {
    const { contents, openExternal } = setup();
    expect(contents.fire('will-redirect', 'https://example.org/')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses webviews', () => {
    const { contents } = setup();
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('denies every window.open, opening only http(s) links externally', () => {
    const { contents, openExternal } = setup();
    for (const url of ['https://example.org/a', 'file:///tmp/x.html', APP_ENTRY_URL, 'javascript:alert(1)']) {
      contents.input('mouseDown');
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([['https://example.org/a']]);
  });

  it('opens nothing that the user did not just click or choose with a key', () => {
    const { contents, openExternal, log, clock } = setup();
    // A script on its own: window.open or location change without any input.
    expect(contents.open('https://example.org/phish')).toEqual({ action: 'deny' });
    expect(contents.fire('will-navigate', 'https://example.org/phish')).toBe(true);
    // Moving the mouse, scrolling or pressing Escape is not a choice to open a link.
    contents.input('mouseMove');
    contents.input('mouseWheel');
    contents.input('keyDown', 'Escape');
    contents.open('https://example.org/phish');
    // A click too long ago.
    contents.input('mouseDown');
    clock.ms += USER_ACTIVATION_MS + 1;
    contents.open('https://example.org/phish');
    expect(openExternal).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('no click or key press'));
  });

  it('one click or key press lets exactly one link out', () => {
    const { contents, openExternal, clock } = setup();
    contents.input('mouseDown');
    clock.ms += 200;
    contents.open('https://example.org/a');
    contents.open('https://example.org/popup-1');
    contents.fire('will-navigate', 'https://example.org/popup-2');
    contents.input('keyDown', 'Enter');
    contents.fire('will-navigate', 'https://example.org/b');
    expect(openExternal.mock.calls).toEqual([['https://example.org/a'], ['https://example.org/b']]);
  });
});

describe('permissions', () => {
  it('denies everything except clipboard writes from the app', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', APP_ENTRY_URL, APP_ORIGIN)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.org/', APP_ORIGIN)).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      expect(isPermissionAllowed(permission, APP_ENTRY_URL, APP_ORIGIN)).toBe(false);
    }
  });

  it('installs request and check handlers that deny camera access', () => {
    let request: ((...args: unknown[]) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (handler: typeof request) => {
        request = handler;
      },
      setPermissionCheckHandler: (handler: typeof check) => {
        check = handler;
      },
    };
    applyPermissionPolicy(session as never, { appOrigin: APP_ORIGIN, log: () => undefined });
    const callback = vi.fn();
    request?.({ getURL: () => APP_ENTRY_URL }, 'media', callback, { requestingUrl: APP_ENTRY_URL });
    expect(callback).toHaveBeenCalledWith(false);
    expect(check?.(null, 'media', APP_ORIGIN, {})).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows no eval and no remote origins', () => {
    const csp = contentSecurityPolicy();
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toMatch(/https?:/);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/script-src 'self'( 'wasm-unsafe-eval')?;/);
  });

  it('widens only to the dev server in development', () => {
    const csp = contentSecurityPolicy('http://localhost:5173/');
    expect(csp).toContain('http://localhost:5173');
    expect(csp).toContain('ws://localhost:5173');
    expect(csp).not.toContain("'unsafe-eval'");
  });
});
