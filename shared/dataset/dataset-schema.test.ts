import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, TYPES_FILE, VALIDATOR_FILE, schemaJson, typesSource, validatorSource } from '../../scripts/gen-schema.ts';

describe('files generated from dataset-schema.ts (npm run gen:schema)', () => {
  it('the published JSON Schema is up to date', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8'), 'resources/schema/presswork-dataset.schema.json is stale: run `npm run gen:schema`').toBe(schemaJson());
  });

  it('the standalone validator is up to date', () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8'), 'shared/dataset/generated/dataset-validators.js is stale: run `npm run gen:schema`').toBe(validatorSource());
  });

  it('the dataset file types are up to date', async () => {
    expect(readFileSync(TYPES_FILE, 'utf8'), 'shared/dataset/generated/dataset-file-types.ts is stale: run `npm run gen:schema`').toBe(await typesSource());
  });

  it('the validator needs neither eval nor require at run time', () => {
    const code = readFileSync(VALIDATOR_FILE, 'utf8');
    expect(code).not.toMatch(/\beval\(|new Function|\brequire\(/);
  });
});
