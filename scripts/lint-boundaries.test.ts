// The layering rules of eslint.config.js, run on small made-up sources: each boundary must
// refuse what crosses it and let through what does not.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

// Loading the config and its TypeScript parser takes seconds on a loaded machine: once, up front.
beforeAll(() => eslint.lintText('', { filePath: 'shared/warm-up.ts' }), 120_000);

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('views only render', () => {
  const view = `import { useLiveQuery } from 'dexie-react-hooks';\nimport Dexie from 'dexie';\nimport { listTags } from '../../db/codebook.ts';\nexport const v = [useLiveQuery, Dexie, listTags];\n`;

  it('refuses Dexie and renderer/src/db in a view of a new feature, or in ui/', async () => {
    expect(await restricted('renderer/src/features/new-feature/NewView.tsx', view)).toHaveLength(3);
    expect(await restricted('renderer/src/ui/NewWidget.tsx', view.replaceAll('../../db/', '../db/'))).toHaveLength(3);
  });

  it('lets a data hook beside the view read the store, and the view use the hook', async () => {
    expect(await restricted('renderer/src/features/new-feature/use-new-data.ts', view)).toEqual([]);
    expect(await restricted('renderer/src/features/new-feature/NewView.tsx', `import { useNewData } from './use-new-data.ts';\nexport const v = useNewData;\n`)).toEqual([]);
  });

  it('allows a view to name the type of a stored record (types are not store access)', async () => {
    expect(await restricted('renderer/src/features/new-feature/NewView.tsx', `import type { ArticleRecord } from '../../db/schema.ts';\nexport type V = ArticleRecord;\n`)).toEqual([]);
  });

  it('still refuses Electron and Node in views', async () => {
    expect(await restricted('renderer/src/features/new-feature/NewView.tsx', `import { ipcRenderer } from 'electron';\nimport { readFile } from 'node:fs/promises';\nexport const v = [ipcRenderer, readFile];\n`)).toHaveLength(2);
  });
});

describe('shared/ is pure', () => {
  it('refuses the other layers and every Node built-in', async () => {
    const code = [
      `import { db } from '../../renderer/src/db/db.ts';`,
      `import { createMainHandlers } from '../../electron/main/handlers.ts';`,
      `import { writeFileAtomic } from '../../node/atomic-write.ts';`,
      `import { createServer } from 'http';`,
      `import { readFile } from 'fs/promises';`,
      `import { join } from 'node:path';`,
      `import Dexie from 'dexie';`,
      `export const v = [db, createMainHandlers, writeFileAtomic, createServer, readFile, join, Dexie];`,
    ].join('\n');
    expect(await restricted('shared/codebook/probe.ts', code)).toHaveLength(7);
    expect(await restricted('shared/codebook/probe.ts', `import { plural } from '../text/plural.ts';\nexport const v = plural;\n`)).toEqual([]);
  });
});
