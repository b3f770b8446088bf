// The virtualizer resizes items inside a ResizeObserver callback; Chromium then reports "ResizeObserver
// loop completed with undelivered notifications", which is harmless (the notifications come next
// frame) but would fail the test through mocha's window.onerror. A capturing listener on window runs
// before that handler and stops only this message.
window.addEventListener(
  'error',
  (event) => {
    if (String(event.message).includes('ResizeObserver loop')) event.stopImmediatePropagation();
  },
  true,
);
