/**
 * ISO 8601 durations as used for due dates: `PT4H`, `P2D`, `P1DT2H`, `P1W`,
 * `PT1.5S`. Fractions only on seconds; at least one component, and a `T`
 * must be followed by a time component.
 */
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?$/;

export function isIsoDuration(text: string): boolean {
  return ISO_DURATION.test(text);
}
