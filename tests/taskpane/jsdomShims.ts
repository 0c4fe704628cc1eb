/** What jsdom lacks and Fluent UI uses: MessageBar measures itself with a ResizeObserver. Measuring is not under test. */
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

globalThis.ResizeObserver ??= NoResizeObserver;
