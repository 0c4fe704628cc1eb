/** `into.push(...items)` passes every item as an argument and overflows the stack past ~100,000 items. */
export function appendAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}
