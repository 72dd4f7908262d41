import { createElement, lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/**
 * A component from a module loaded on first use, so the screens a session may never open
 * (codebook editor, export, agreement, actors, the annotations table) stay out of the chunk that
 * opens a project. `React.lazy` wants a default export; ours are named.
 */
export function lazyNamed<K extends string, P extends object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K): ComponentType<P> {
  // Seen as the component it resolves to: JSX cannot check a lazy component's props while P is generic.
  const Lazy = lazy(() => load().then((m) => ({ default: m[name] }))) as unknown as ComponentType<P>;
  function OnDemand(props: P) {
    return <Suspense fallback={<Loading />}>{createElement(Lazy, props)}</Suspense>;
  }
  OnDemand.displayName = `OnDemand(${name})`;
  return OnDemand;
}

function Loading(): ReactNode {
  return (
    <p className="app-loading" role="status">
      Loading…
    </p>
  );
}
