import { useCallback, useMemo } from 'react';
import type { Annotation, Category, Tag } from '@shared/model/types.ts';
import { rankLinkTargets, type LinkCandidate } from '@shared/model/link-targets.ts';
import { Combobox, type ComboOption } from '../../ui/Combobox.tsx';

interface LinkTargetFieldProps {
  from: Annotation;
  /** The relation type being added (`claimant`, `according-to`, `about`…). */
  type: string;
  annotations: Annotation[];
  tags: Tag[];
  categories: Category[];
  onPick: (annotationId: string) => void;
}

/**
 * Finds the annotation to link to: the categories that fit the link come first (actors for
 * "claimed by", sources for "according to"), the list is searchable by quote or tag, and every
 * quote is shown in full.
 */
export function LinkTargetField({ from, type, annotations, tags, categories, onPick }: LinkTargetFieldProps) {
  const candidates = useMemo(() => {
    const tagById = new Map(tags.map((t) => [t.id, t]));
    return annotations.map((x): LinkCandidate => {
      const tag = tagById.get(x.tagId);
      return { id: x.id, category: tag?.categoryId ?? '', tagName: tag?.name ?? '?', quote: x.quote, start: x.start, end: x.end };
    });
  }, [annotations, tags]);
  const self = candidates.find((c) => c.id === from.id);

  const options = useCallback(
    (query: string): ComboOption[] => {
      if (!self) return [];
      const categoryName = new Map(categories.map((c) => [c.id, c.name]));
      return rankLinkTargets(candidates, self, type, query).map(({ candidate, fitting }) => ({
        id: candidate.id,
        label: candidate.quote,
        detail: candidate.tagName,
        group: fitting ? (categoryName.get(candidate.category) ?? 'Annotations') : 'Other annotations',
      }));
    },
    [candidates, self, type, categories],
  );

  return (
    <Combobox
      className="field link-target-field"
      label="Link target"
      value=""
      placeholder="Find an annotation by its words or tag…"
      options={options}
      onPick={(o) => onPick(o.id)}
      emptyText="No other annotation matches"
    />
  );
}
