/**
 * The quality score's change, overall and per dimension, from the two score breakdowns. A dimension's
 * pointsDelta is the points it cost the base minus those it costs the target, so with the same dimensions
 * assessed on both sides they add up to the score's delta (score = 100 − Σ points lost), up to the breakdown's rounding.
 */
import { DIMENSIONS, type ScoreBreakdown } from '../insights/index.js';
import type { DimensionDelta, ScoreDelta } from './schemas.js';

const difference = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined ? null : a - b;

export function scoreDelta(base: ScoreBreakdown | null, target: ScoreBreakdown | null): ScoreDelta {
  const dimensions: DimensionDelta[] = DIMENSIONS.map((dimension) => {
    const b = base?.dimensions.find((d) => d.dimension === dimension);
    const t = target?.dimensions.find((d) => d.dimension === dimension);
    const baseRatio = b?.assessed ? b.ratio : null;
    const targetRatio = t?.assessed ? t.ratio : null;
    const basePointsLost = b?.assessed ? b.pointsLost : null;
    const targetPointsLost = t?.assessed ? t.pointsLost : null;
    return {
      dimension,
      baseRatio,
      targetRatio,
      ratioDelta: difference(targetRatio, baseRatio),
      basePointsLost,
      targetPointsLost,
      pointsDelta: difference(basePointsLost, targetPointsLost),
    };
  });
  const baseScore = base?.score ?? null;
  const targetScore = target?.score ?? null;
  return {
    baseGoal: base?.goal ?? null,
    targetGoal: target?.goal ?? null,
    sameGoal: base !== null && target !== null && base.goal === target.goal,
    base: baseScore,
    target: targetScore,
    delta: difference(targetScore, baseScore),
    dimensions,
  };
}
