/**
 * How a complement of 100 or more people is published: rounded to the nearest ROUND_TO (half up), so a
 * reader knows it only to within ±5. Its exact range is what the audit (audit.ts) gives an attacker.
 */
export const ROUND_TO = 10

export const roundValue = (x: number, base: number = ROUND_TO): number => Math.floor(x / base + 0.5) * base

/** Every value that rounds to `r`: the interval an attacker learns from a rounded number. */
export const roundedRange = (r: number, base: number = ROUND_TO): [number, number] => [
  Math.max(0, r - base / 2),
  r + base / 2 - 1,
]
