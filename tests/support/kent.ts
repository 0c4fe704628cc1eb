/** Kent ASC dashboard 2013 (../shared/seeds): 13 monthly figures per measure, the SPC tests' real series. */

export const KENT_MONTHS = [
  "Sep-12",
  "Oct-12",
  "Nov-12",
  "Dec-12",
  "Jan-13",
  "Feb-13",
  "Mar-13",
  "Apr-13",
  "May-13",
  "Jun-13",
  "Jul-13",
  "Aug-13",
  "Sep-13",
];

/** The dashboard's trend rows: [code, aim, target, the 13 months]. */
export const KENT_SERIES: readonly (readonly [string, string, number, readonly (number | null)[]])[] = [
  ["ASC1", "Higher is better", 0.8, [0.65, 0.67, 0.7, 0.71, 0.74, 0.73, 0.76, 0.76, 0.77, 0.76, 0.76, 0.74, 0.73]],
  ["ASC3", "Maximise", 1750, [1240, 1321, 1407, 1460, 1497, 1534, 1596, 1638, 1784, 1937, 2051, 2130, 2276]],
  ["ASC4", "Maximise", 0.46, [null, null, null, 0.462, 0.452, 0.452, 0.455, 0.456, 0.456, 0.456, 0.465, 0.474, 0.476]],
  ["ASC9", "Lower is better", 1260, [1271, 1277, 1278, 1269, 1273, 1274, 1265, 1266, 1263, 1266, 1252, 1251, 1249]],
  ["ASC10", "Max", 0.75, [0.85, 0.84, 0.84, 0.83, 0.85, 0.85, 0.85, 0.86, 0.84, 0.84, 0.84, 0.84, 0.85]],
];

/** One measure's row of KENT_SERIES. */
export function kentSeries(code: string): readonly [string, string, number, readonly (number | null)[]] {
  const row = KENT_SERIES.find(([c]) => c === code);
  if (row === undefined) throw new Error(`no Kent series ${code}`);
  return row;
}
