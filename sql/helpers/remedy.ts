import { isRelief } from './determinations.ts'
import { lit } from './quote.ts'
import { REMEDIES } from '../../data-contracts/determinations.ts'

/**
 * The remedy (relief track) of HS 11361.8 a determination goes through, written once: relief while the
 * sentence is still running is recall and resentencing (11361.8(a)-(b)); after it, dismissal and sealing or
 * redesignation (11361.8(e)-(f)); review and not_eligible carry their own name.
 */
export const remedyCase = (determination = 'determination', sentenceRunning = 'sentence_running'): string =>
  `case
      when ${isRelief(determination)} and ${sentenceRunning} then 'recall_and_resentence'
      when ${determination} = 'dismiss' then 'dismiss_and_seal'
      when ${determination} = 'reduce' then 'redesignate'
      else ${determination}
    end`

/** A remedy's place in the motions' schedule order (REMEDIES), for ORDER BY; an unknown remedy sorts last. */
export const remedyRank = (col: string): string =>
  `case ${col} ${REMEDIES.map((r, i) => `when ${lit(r)} then ${i}`).join(' ')} else ${REMEDIES.length} end`
