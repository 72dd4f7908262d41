#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx presswork` works right after `npm install`
// without a build step (Node 20, no Electron).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
