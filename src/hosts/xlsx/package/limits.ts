/**
 * How much a package may inflate to. Checked before anything is inflated (the sizes the zip declares) and again
 * while inflating (the bytes that actually come out), so neither a lying header nor a zip bomb gets further.
 */
export interface SizeLimits {
  /** All parts together, uncompressed. */
  readonly total: number;
  /** Any one part, uncompressed. */
  readonly part: number;
}

export const DEFAULT_LIMITS: SizeLimits = { total: 1024 * 1024 * 1024, part: 512 * 1024 * 1024 };

/** The file cannot be an .xlsx package we can read (not a zip, damaged, encrypted, too large). */
export class PackageError extends Error {}

/** 536870912 -> "512 MB", 3145728 -> "3.0 MB", 10485 -> "0.01 MB" */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 10) return `${Math.round(mb)} MB`;
  return `${mb >= 1 ? mb.toFixed(1) : Number(mb.toPrecision(2))} MB`;
}
