// The server's 今天 is the Beijing date (docs/definitions.md §5): from 16:00 UTC it is the next day.
// Tests compute dates relative to it here, in one place.

/** The Beijing date `offsetDays` from today, as YYYY-MM-DD (negative: in the past). */
export function beijingDate(offsetDays = 0) {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10)
}
