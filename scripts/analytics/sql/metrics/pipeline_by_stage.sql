-- Open pipeline by stage and motion (002 §4 weighted pipeline; 001 dashboard: velocity and
-- conversion by stage): deals, amount, and amount × the stage's probability.
SELECT o.stage_name, o.stage_order, o.forecast_category, o.probability, o.motion,
  COUNT(*) AS deals,
  SUM(o.amount) AS amount,
  SUM(o.amount * o.probability / 100.0) AS weighted_amount
FROM opportunities o
WHERE NOT o.is_closed
GROUP BY o.stage_name, o.stage_order, o.forecast_category, o.probability, o.motion
ORDER BY o.stage_order, o.motion;
