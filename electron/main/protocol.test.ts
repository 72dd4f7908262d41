import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ENTRY_URL, createAppProtocolHandler, mimeTypeFor, registerAppScheme, resolveAppPath } from './protocol.ts';

let root: string;
let outside: string;
beforeAll(async () => {
  outside = await mkdtemp(join(tmpdir(), 'presswork-proto-'));
  root = join(outside, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Presswork</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(outside, 'secret.txt'), 'secret');
});
afterAll(async () => {
  await rm(outside, { recursive: true, force: true });
});

describe('resolveAppPath', () => {
  it('maps app URLs to files below the root', () => {
    expect(resolveAppPath(APP_ENTRY_URL, root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://presswork/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://presswork/assets/app.js?v=1#x', root)).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppPath('app://presswork/assets/na%20me.js', root)).toBe(join(root, 'assets', 'na me.js'));
  });

  it.each([
    'app://presswork/../secret.txt',
    'app://presswork/%2e%2e/secret.txt',
    'app://presswork/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://presswork/..%5csecret.txt',
    'app://presswork/index.html%00.png',
    'app://presswork/%2fetc%2fpasswd',
    'app://presswork//etc/passwd',
    'app://presswork/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://presswork/index.html',
    'garbage',
  ])('refuses %s', (url) => {
    const resolved = resolveAppPath(url, root);
    // Either refused outright, or still inside the root (URL parsing already removed the dots).
    if (resolved !== null) expect(resolved.startsWith(root + '/')).toBe(true);
    expect(resolved === join(outside, 'secret.txt')).toBe(false);
  });

  it('refuses outright what only a crafted URL contains', () => {
    expect(resolveAppPath('app://presswork/..%5csecret.txt', root)).toBeNull();
    expect(resolveAppPath('app://presswork/index.html%00.png', root)).toBeNull();
    expect(resolveAppPath('app://presswork/%2e%2e%2fsecret.txt', root)).toBeNull();
    expect(resolveAppPath('app://other/index.html', root)).toBeNull();
  });
});

describe('app protocol handler', () => {
  const csp = "default-src 'self'";
  const handler = () => createAppProtocolHandler({ rootDir: root, csp });

  it('serves files with their type and the CSP', async () => {
    const response = await handler()(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Presswork</title>');
    const script = await handler()(new Request('app://presswork/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files, folders and escapes; 405 for writes', async () => {
    expect((await handler()(new Request('app://presswork/missing.js'))).status).toBe(404);
    expect((await handler()(new Request('app://presswork/assets'))).status).toBe(404);
    const escape = await handler()(new Request('app://presswork/%2e%2e%2fsecret.txt'));
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('secret');
    expect((await handler()(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('knows the types Vite emits', () => {
    expect(mimeTypeFor('a.mjs')).toMatch(/javascript/);
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a.WOFF2')).toBe('font/woff2');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });

  it('registers app:// as a secure standard scheme', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => calls.push(...schemes) });
    expect(calls).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(JSON.stringify(calls)).not.toContain('bypassCSP');
  });
});
