/**
 * The statements table and network view in Chromium (issue #11), on the network part's 50,000
 * statements: the table's first paint, the network view's first drawing (build, layout, WebGL),
 * and frames per second while the view is panned and zoomed. Headless Chromium here draws WebGL
 * in software (SwiftShader, no GPU), so the fps is a floor for a desktop with a graphics card.
 */
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/fixtures.ts';
import type { BenchEntry, BenchPart } from '../report.ts';

const configFile = fileURLToPath(new URL('../network.vite.config.ts', import.meta.url));

const part: BenchPart = {
  title: 'Statements table and network view in Chromium: 50,000 statements, 2,000 actors',
  async run(): Promise<BenchEntry[]> {
    await build({ configFile, logLevel: 'warn' });
    const server = await preview({ configFile });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the benchmark page server did not start');
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.on('pageerror', (e) => process.stderr.write(`bench page error: ${e.message}\n`));
      // The page generates 50,000 statements before it is ready: on a loaded machine that outlasts "load"'s default wait.
      await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
      await page.waitForFunction('document.getElementById("state")?.textContent === "ready"', undefined, { timeout: 300_000 });
      page.setDefaultTimeout(300_000);
      const table = (await page.evaluate('window.runTable()')) as { statements: number; firstPaintMs: number };
      const net = (await page.evaluate('window.runNetwork(4)')) as { nodes: number; actors: number; edges: number; firstDrawMs: number; frames: number; fps: number };
      process.stdout.write(`  drawn: ${net.nodes} nodes (${net.actors} actors), ${net.edges} edges; ${net.frames} frames; load average ${loadavg()[0]?.toFixed(1)}\n`);
      return [
        { name: `statements table: first paint, ${table.statements.toLocaleString('en')} statements`, value: table.firstPaintMs, unit: 'ms', goal: '< 1000' },
        { name: 'network view: two-mode, whole period, to first drawing', value: net.firstDrawMs, unit: 'ms', goal: '' },
        { name: `network view: pan/zoom with ${net.actors.toLocaleString('en')} actors (software WebGL)`, value: net.fps, unit: 'fps', goal: '60' },
      ];
    } finally {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    }
  },
};

export default part;
