import { plural } from '../text/plural.ts';

/** A refusal the user can act on; `message` is written to be shown as is. */
export class CodebookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodebookError';
  }
}

export interface TagUsage {
  /** Annotations whose tag is this one. */
  annotations: number;
  /** Articles labelled with this tag (document-level tags). */
  labels: number;
  /** Direct sub-tags. */
  children: number;
}

/** Thrown when deleting a tag would lose annotations: the UI offers merging instead. */
export class TagInUseError extends CodebookError {
  constructor(
    readonly tagName: string,
    readonly usage: TagUsage,
  ) {
    super(`“${tagName}” is used by ${plural(usage.annotations, 'annotation')}. Merge it into another tag to keep them, or delete them with it.`);
    this.name = 'TagInUseError';
  }
}
