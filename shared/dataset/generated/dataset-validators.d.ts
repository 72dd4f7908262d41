// Types of the generated validator module (written by hand: the generator emits plain JavaScript).
import type { ErrorObject } from 'ajv';

export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** The whole dataset (articles included). */
export declare const dataset: StandaloneValidator;
/** One article (`#/$defs/article`), for datasets read article by article. */
export declare const article: StandaloneValidator;
