/** What jsdom lacks and Fluent UI uses: MessageBar measures itself with a ResizeObserver. Measuring is not under test. */
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

globalThis.ResizeObserver ??= NoResizeObserver;

// jsdom leaves out the encoding API every browser has; the demo's .xlsx reader decodes sheet bytes with it.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";

globalThis.TextDecoder ??= NodeTextDecoder as typeof TextDecoder;
globalThis.TextEncoder ??= NodeTextEncoder as typeof TextEncoder;

// jsdom has no layout, so no scrolling either; the panes call scrollIntoView to bring what changed into view.
Element.prototype.scrollIntoView ??= function scrollIntoView(): void {};
