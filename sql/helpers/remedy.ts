import { isRelief } from './determinations.ts'

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
