/** The row the motion renderers draw: its shape is an output contract (data-contracts/outputs/). */
export type { MotionCase } from '../../data-contracts/outputs/motion-cases.contract.ts'
