/** File names for counties and courts: lower-case ASCII words joined by '-', stable and collision-free. */

const MAX_SLUG = 80

/** "CASC LOS ANGELES – METRO" → "casc-los-angeles-metro"; blank → the fallback. */
export function slugify(name: string | null | undefined, fallback: string): string {
  const s = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '')
  return s || fallback
}

/**
 * Slugs for a list of names in the order given: two names that slug alike ("CASC SAN JOSE" and
 * "CASC SAN-JOSE") get -2, -3 … so neither file overwrites the other. Callers pass names sorted, so the
 * suffixes are the same on every run.
 */
export function uniqueSlugs(names: readonly (string | null)[], fallback: string): string[] {
  const used = new Set<string>()
  return names.map((n) => {
    const base = slugify(n, fallback)
    let s = base
    for (let i = 2; used.has(s); i++) s = `${base}-${i}`
    used.add(s)
    return s
  })
}
