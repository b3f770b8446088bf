/**
 * Hints that the network may be back: `online`, and a tab that comes back (pageshow, visible
 * again). Safari suspends a background tab and keeps pages in its back-forward cache: timers stand
 * still and `online` may pass unheard meanwhile, so a backoff that grew before is cut short there.
 * Returns the function that stops listening.
 */
export function watchWakeHints(wake: () => void): () => void {
  if (typeof globalThis.addEventListener !== 'function') return () => undefined;
  const onReturn = (event: Event) => {
    if (event.type === 'visibilitychange' && globalThis.document?.visibilityState !== 'visible') return;
    wake();
  };
  const listen = (method: 'addEventListener' | 'removeEventListener') => {
    globalThis[method]('online', onReturn);
    globalThis[method]('pageshow', onReturn);
    globalThis.document?.[method]('visibilitychange', onReturn);
  };
  listen('addEventListener');
  return () => listen('removeEventListener');
}
