/**
 * Request size estimates. Excel on the web rejects a request over 5 MB, so the host packs its writes
 * into syncs below a budget, measured as the UTF-8 length of the JSON that Office.js sends.
 */

/** What Office.js adds for each queued call: the action record and the object path it acts on. */
export const ACTION_BYTES = 150;

/** Default budget per sync: 4 MB less headroom for the estimate's error. */
export const DEFAULT_SYNC_BUDGET = 3_600_000;

function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 2; // a surrogate pair: 2 UTF-16 units, 4 UTF-8 bytes
      i += 1;
    } else if (code >= 0x800) bytes += 2;
    else if (code >= 0x80) bytes += 1;
  }
  return bytes;
}

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}
