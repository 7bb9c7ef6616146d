-- Capacity (002 §6 Capacity Model; 004 capacity_model and headcount_planning), overall and by
-- segment. The dataset has no revenue target: the target is the run rate of the trailing year's
-- Closed Won bookings (new business and expansion). Quota, attainment, attrition, ramp and the
-- AE's workload are the blueprints' example figures (params; the page names them).
--   required AEs (002)   = target ÷ (quota × expected attainment)
--   required reps (004)  = (target ÷ quota) × 1 ÷ (1 − attrition) × ramp factor
--   AEs for the pipeline = open opportunities ÷ active opportunities one AE carries (004)
WITH deals AS (
  SELECT o.segment, o.amount,
    CASE WHEN NOT o.is_closed THEN 1 ELSE 0 END AS is_open,
    CASE WHEN o.is_won AND o.close_day > p.as_of_day - p.trailing_days AND o.close_day <= p.as_of_day
      THEN o.amount ELSE 0 END AS won_amount
  FROM opportunities o
  CROSS JOIN params p
  WHERE o.motion IN ('new', 'expansion')
),
grouped AS (
  SELECT '(all)' AS segment, COALESCE(SUM(won_amount), 0) AS target, COALESCE(SUM(is_open), 0) AS open_deals
  FROM deals
  UNION ALL
  SELECT segment, SUM(won_amount), SUM(is_open) FROM deals GROUP BY segment
)
SELECT g.segment, g.target, g.open_deals, p.quota_per_ae, p.attainment, p.attrition, p.ramp_factor,
  p.active_opportunities_per_ae,
  g.target / (p.quota_per_ae * p.attainment) AS required_aes,
  g.target / p.quota_per_ae / (1 - p.attrition) * p.ramp_factor AS required_reps,
  1.0 * g.open_deals / p.active_opportunities_per_ae AS aes_for_open_pipeline
FROM grouped g
CROSS JOIN params p
ORDER BY g.segment;
