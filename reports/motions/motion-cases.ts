/**
 * The row the motion renderers draw: one court case under one relief. Its columns are an output contract
 * (data-contracts/outputs/motion-cases.contract.ts) and its rows come from the mart_motion_cases model.
 */
export type { MotionCase } from '../../data-contracts/outputs/motion-cases.contract.ts'
