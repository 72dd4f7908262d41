import { useEffect, useState } from 'react';

/**
 * `value`, but only once the browser has painted the frame in which it changed. Heavy views that
 * follow a fast one (the annotations list after the reader) then never delay that frame, which
 * `useDeferredValue` does not promise: React may render the deferred update before the paint.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      // A task queued from requestAnimationFrame runs after that frame has been painted.
      timer = window.setTimeout(() => setShown(() => value), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}
