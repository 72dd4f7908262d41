// `npx playwright test --config scripts/screenshots.config.ts` — retakes the README screenshots.
import base from '../playwright.config.ts';
import { defineConfig } from '@playwright/test';

export default defineConfig({ ...base, testDir: '.', testMatch: 'screenshots.spec.ts', reporter: 'list' });
