import { describe, expect, it, vi } from 'vitest';
import {
  applyNavigationPolicy,
  applyPermissionPolicy,
  contentSecurityPolicy,
  isAppUrl,
  isPermissionAllowed,
  isSafeExternalUrl,
  type PolicyTarget,
} from './security.ts';
import { APP_ENTRY_URL, APP_ORIGIN } from './protocol.ts';

type Listener = (event: { preventDefault(): void }, url?: string) => void;

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
  applyNavigationPolicy(contents.target, { appOrigin: APP_ORIGIN, shell: { openExternal }, log });
  return { contents, openExternal, log };
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
    expect(contents.fire('will-navigate', 'https://example.org/story')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://example.org/story');
  });

  it('blocks navigation to local files without opening them anywhere', () => {
    const { contents, openExternal, log } = setup();
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
    expect(contents.open('https://example.org/a')).toEqual({ action: 'deny' });
    expect(contents.open('file:///tmp/x.html')).toEqual({ action: 'deny' });
    expect(contents.open(APP_ENTRY_URL)).toEqual({ action: 'deny' });
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.org/a']]);
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
