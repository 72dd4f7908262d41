// Builds the app the way `npm run dist` does, offline: electron-vite, then electron-builder
// `--linux dir` with a stub Electron (the real binary cannot be downloaded here). Proves that the
// configuration is valid, that the asar holds the bundle and nothing else, and that the fuses are
// flipped in the packaged binary. It really builds (~5–40 s).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

// @electron/fuses looks for this sentinel, then a version byte, a length byte and one byte per
// fuse ('0' off, '1' on). The stub starts with every fuse the opposite of what we configure.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const STUB_WIRE = '10110001';
// RunAsNode, CookieEncryption, NODE_OPTIONS, --inspect, ASAR integrity, only-asar, (V8 snapshot: not set), file:// privileges
const EXPECTED_WIRE = '01001100';

let work: string;
let appDir: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'presswork-pack-'));
  const stub = join(work, 'electron-dist');
  const electronVersion = (JSON.parse(await readFile(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  await mkdir(stub, { recursive: true });
  await writeFile(join(stub, 'electron'), Buffer.concat([Buffer.from('stub electron '), Buffer.from(SENTINEL), Buffer.from([1, STUB_WIRE.length]), Buffer.from(STUB_WIRE)]), { mode: 0o755 });
  await writeFile(join(stub, 'version'), electronVersion);

  const options = { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: 'true' } };
  await run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], options);
  await run(
    process.execPath,
    [join(root, 'node_modules/electron-builder/cli.js'), '--linux', 'dir', `-c.electronDist=${stub}`, `-c.directories.output=${join(work, 'dist')}`, '--publish', 'never'],
    options,
  );
  appDir = join(work, 'dist', 'linux-unpacked');
}, 240_000);

afterAll(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe('packaged app (linux dir, stub Electron)', () => {
  it('holds the built main, preload and renderer in app.asar', async () => {
    const asar = join(appDir, 'resources', 'app.asar');
    const entries = listPackage(asar, { isPack: false }).map((entry) => entry.replace(/\\/g, '/'));
    const { size } = await stat(asar);
    console.log(`app.asar: ${(size / 1024).toFixed(0)} KB, ${entries.length} entries`);
    expect(entries).toContain('/out/main/index.js');
    expect(entries).toContain('/out/preload/index.cjs');
    expect(entries).toContain('/out/renderer/index.html');
    expect(entries).toContain('/package.json');
    expect(size).toBeLessThan(15 * 1024 * 1024);
  });

  it('packs no sources, tests, source maps or node_modules', () => {
    const entries = listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false }).map((entry) => entry.replace(/\\/g, '/'));
    expect(entries.filter((entry) => /\.(ts|tsx|mts|cts)$/.test(entry))).toEqual([]);
    expect(entries.filter((entry) => /\.(test|spec)\.|\/e2e\//.test(entry))).toEqual([]);
    expect(entries.filter((entry) => entry.includes('node_modules'))).toEqual([]);
    expect(entries.filter((entry) => entry.endsWith('.map'))).toEqual([]);
    expect(entries.filter((entry) => entry !== '/package.json' && entry !== '/out' && !entry.startsWith('/out/'))).toEqual([]);
  });

  it('packs a package.json with the right entry and no runtime dependencies', () => {
    const manifest = JSON.parse(extractFile(join(appDir, 'resources', 'app.asar'), 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(manifest.main).toBe('out/main/index.js');
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it('points the preload path main uses at the packed preload', () => {
    const main = extractFile(join(appDir, 'resources', 'app.asar'), 'out/main/index.js').toString('utf8');
    expect(main).toContain('../preload/index.cjs');
    expect(main).toContain('../renderer');
  });

  it('flips the Electron fuses in the packaged binary', async () => {
    const binary = await readFile(join(appDir, 'presswork'));
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    expect(binary.subarray(at + 2, at + 2 + STUB_WIRE.length).toString('latin1')).toBe(EXPECTED_WIRE);
  });
});

describe('electron-builder.yml', () => {
  it('configures the installers the README promises', async () => {
    // js-yaml comes with electron-builder; imported by name to keep its types out of the build.
    const yamlModule = 'js-yaml';
    const yaml = (await import(yamlModule)) as { load(text: string): unknown };
    const config = yaml.load(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, Record<string, unknown>>;
    expect(config.appId).toBe('org.presswork.app');
    expect(config.productName).toBe('Presswork');
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['out/**', '!out/**/*.map', 'package.json']);
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Science' });
    expect(config.mac).toMatchObject({ hardenedRuntime: true, target: [{ target: 'dmg', arch: ['x64', 'arm64'] }] });
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, createDesktopShortcut: true });
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    for (const icon of ['resources/icon.png', 'resources/icons/512x512.png', 'resources/icons/16x16.png']) {
      expect((await stat(join(root, icon))).size).toBeGreaterThan(0);
    }
  });

  it('has a 1024×1024 PNG icon', async () => {
    const png = await readFile(join(root, 'resources', 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });
});
