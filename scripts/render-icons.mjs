// Renders resources/icon.svg to the PNGs the installers need:
//   resources/icon.png           1024×1024 (electron-builder derives .icns / .ico from it)
//   resources/icons/NxN.png      16…512 (Linux hicolor sizes)
// Uses Debian's Chromium through Playwright (no native image library to install).
// Usage: node scripts/render-icons.mjs   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { chromium } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const svg = await readFile(`${root}resources/icon.svg`, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await mkdir(`${root}resources/icons`, { recursive: true });
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace(/width="1024" height="1024"/, `width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    await writeFile(size === 1024 ? `${root}resources/icon.png` : `${root}resources/icons/${size}x${size}.png`, png);
    console.log(`${size}x${size}.png ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
