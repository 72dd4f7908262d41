import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { KEY_BINDINGS } from '@shared/keys/key-bindings.ts';
import { addAnnotationAction } from '../features/annotations/actions/add-annotation.ts';
import { moveAnnotationBoundaryAction } from '../features/annotations/actions/move-annotation-boundary.ts';
import { removeAnnotationsAction } from '../features/annotations/actions/remove-annotations.ts';
import { acceptQuoteAction } from '../features/quote-suggestions/actions/accept-quote.ts';

describe('the key binding table and the actions', () => {
  it('names actions that exist, by their file name', () => {
    const actions = new Set([addAnnotationAction, moveAnnotationBoundaryAction, removeAnnotationsAction, acceptQuoteAction].map((a) => a.name));
    const named = KEY_BINDINGS.flatMap((b) => (b.action ? [b.action] : []));
    expect(named).toHaveLength(5);
    for (const name of named) expect(actions).toContain(name);
  });
});
