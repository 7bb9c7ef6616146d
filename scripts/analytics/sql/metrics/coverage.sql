-- Pipeline coverage (002 §4 Pipeline Coverage Model): open new-business and expansion pipeline
-- closing within the coverage window (past-due deals included), each deal discounted by how far
-- past its expected close it is (fresh 100 %, aging 50 %, stale 25 %), against the target of
-- the window. The dataset holds no quota: the target is the run rate of the trailing year's
-- Closed Won bookings for the same number of days (the page says so).
WITH open_pipe AS (
  SELECT o.segment, o.amount, o.probability, o.stage_order,
    CASE
      WHEN p.as_of_day - o.close_day < p.fresh_days THEN 1.0
      WHEN p.as_of_day - o.close_day < p.aging_days THEN p.aging_factor
      ELSE p.stale_factor
    END AS age_factor
  FROM opportunities o
  CROSS JOIN params p
  WHERE NOT o.is_closed
    AND o.motion IN ('new', 'expansion')
    AND o.close_day <= p.as_of_day + p.coverage_days
),
negotiation AS (
  SELECT MAX(stage_order) AS stage_order FROM stages WHERE NOT is_closed
),
pipe AS (
  SELECT segment, COUNT(*) AS open_deals, SUM(amount) AS open_amount,
    SUM(amount * age_factor) AS pipeline,
    SUM(amount * age_factor * probability / 100.0) AS weighted_pipeline,
    SUM(CASE WHEN op.stage_order = n.stage_order THEN amount * age_factor ELSE 0 END) AS negotiation_amount
  FROM open_pipe op CROSS JOIN negotiation n
  GROUP BY segment
),
closed AS (
  SELECT o.segment, o.is_won, o.amount, o.created_day
  FROM opportunities o
  CROSS JOIN params p
  WHERE o.is_closed AND o.motion IN ('new', 'expansion')
    AND o.close_day > p.as_of_day - p.trailing_days AND o.close_day <= p.as_of_day
),
bookings AS (
  SELECT segment,
    SUM(CASE WHEN is_won THEN amount ELSE 0 END) AS won_amount,
    SUM(amount) AS closed_amount
  FROM closed GROUP BY segment
),
created AS (
  SELECT o.segment, SUM(o.amount) AS created_amount
  FROM opportunities o
  CROSS JOIN params p
  WHERE o.motion IN ('new', 'expansion')
    AND o.created_day > p.as_of_day - p.coverage_days AND o.created_day <= p.as_of_day
  GROUP BY o.segment
),
segments AS (
  SELECT segment FROM pipe UNION SELECT segment FROM bookings
),
per_segment AS (
  SELECT s.segment,
    COALESCE(pp.open_deals, 0) AS open_deals,
    COALESCE(pp.open_amount, 0) AS open_amount,
    COALESCE(pp.pipeline, 0) AS pipeline,
    COALESCE(pp.weighted_pipeline, 0) AS weighted_pipeline,
    COALESCE(pp.negotiation_amount, 0) AS negotiation_amount,
    COALESCE(b.won_amount, 0) AS won_amount,
    COALESCE(b.closed_amount, 0) AS closed_amount,
    c.created_amount
  FROM segments s
  LEFT JOIN pipe pp ON pp.segment = s.segment
  LEFT JOIN bookings b ON b.segment = s.segment
  LEFT JOIN created c ON c.segment = s.segment
),
with_total AS (
  SELECT * FROM per_segment
  UNION ALL
  SELECT '(all)', SUM(open_deals), SUM(open_amount), SUM(pipeline), SUM(weighted_pipeline),
    SUM(negotiation_amount), SUM(won_amount), SUM(closed_amount), SUM(created_amount)
  FROM per_segment
),
targets AS (
  SELECT w.*, 1.0 * w.won_amount * p.coverage_days / p.trailing_days AS target,
    CASE WHEN w.closed_amount > 0 THEN 1.0 * w.won_amount / w.closed_amount END AS win_rate_by_value,
    (SELECT COUNT(created_day) FROM opportunities) AS created_known
  FROM with_total w CROSS JOIN params p
)
SELECT segment, open_deals, open_amount, pipeline, weighted_pipeline, negotiation_amount, won_amount, target,
  CASE WHEN target > 0 THEN pipeline / target END AS coverage,
  CASE WHEN target > 0 THEN weighted_pipeline / target END AS weighted_coverage,
  CASE WHEN pipeline > 0 THEN negotiation_amount / pipeline END AS negotiation_share,
  win_rate_by_value,
  CASE WHEN win_rate_by_value > 0 THEN target / win_rate_by_value END AS required_pipeline,
  -- Pipeline created in the window needs CreatedDate; without it the figure is unknown, not zero.
  CASE WHEN created_known > 0 THEN COALESCE(created_amount, 0) END AS created_pipeline
FROM targets
ORDER BY segment;
