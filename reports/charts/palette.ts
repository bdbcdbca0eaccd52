/**
 * Colours: one ordered blue-green sequence (ColorBrewer YlGnBu) plus neutral grey, chosen so each category
 * has its own lightness (CIE L* about 13, 40, 68, 87). The charts stay readable in greyscale and for
 * red-green colour blindness, and "more relief" is always darker.
 */
import { DETERMINATIONS, type Determination } from '../../data-contracts/determinations.ts'
export const DETERMINATION_ORDER = DETERMINATIONS
export type { Determination }

export const DETERMINATION_COLOR: Record<Determination, string> = {
  dismiss: '#081d58',
  reduce: '#225ea8',
  review: '#41b6c4',
  not_eligible: '#d9d9d9',
}

export const DETERMINATION_LABEL: Record<Determination, string> = {
  dismiss: 'Dismiss and seal',
  reduce: 'Reduce / redesignate',
  review: 'Needs review',
  not_eligible: 'Not eligible',
}

/** Shares chart: population (lightest), people in scope, people granted relief (darkest). */
export const SHARE_COLOR = { population: '#d9d9d9', in_scope: '#1d91c0', relief: '#081d58' } as const

/** Statute alone vs final (statute plus policy). */
export const LAYER_COLOR = { statute: '#41b6c4', final: '#081d58' } as const

/** Sequential scheme of the map (Plot and Vega both know it by this name). */
export const MAP_SCHEME = 'ylgnbu'

/** Withheld cells: hatched in the SVG charts, this grey where hatching is not available (Vega-Lite). */
export const WITHHELD_COLOR = '#bdbdbd'

/** Fonts present on the server (resvg) first, then what a reader's browser has. */
export const FONT_FAMILY = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif"
