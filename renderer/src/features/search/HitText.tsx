import type { Hit } from '@shared/search/hits.ts';

/** Text with its hits marked. */
export function HitText({ text, hits }: { text: string; hits: readonly Hit[] }) {
  if (hits.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  hits.forEach((h, i) => {
    if (h.start > at) parts.push(text.slice(at, h.start));
    parts.push(<mark key={i}>{text.slice(h.start, h.end)}</mark>);
    at = h.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
