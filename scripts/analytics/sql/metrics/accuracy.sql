-- Forecast accuracy (002 §4 MAPE; 004 forecast_accuracy; issue 16): for each of the last months
-- before as-of and each horizon, the stage-weighted forecast as it stood horizon_days before the
-- month began — every opportunity as its latest OpportunityHistory row then said: amount ×
-- probability if its close date fell in the month and it was not lost — against what closed won
-- in the month. Per owner: MAPE = mean of |actual − forecast| ÷ actual over months with actuals.
-- For the roll-up (all owners summed per month): WAPE = Σ|actual − forecast| ÷ Σ actual and
-- bias = Σ(forecast − actual) ÷ Σ actual. No history, no rows: a zero forecast is not a forecast.
WITH snapshots AS (
  SELECT m.month_index, m.start_day AS month_start, m.end_day AS month_end, h.horizon_days,
    m.start_day - h.horizon_days AS snapshot_day
  FROM calendar_months m
  CROSS JOIN forecast_horizons h
  WHERE m.start_day - h.horizon_days >= (SELECT MIN(changed_day) FROM opportunity_history)
),
states AS (
  SELECT s.month_index, s.horizon_days, s.month_start, s.month_end, oh.opportunity_id, oh.amount, oh.close_day,
    oh.probability, oh.is_closed, oh.is_won,
    ROW_NUMBER() OVER (PARTITION BY s.month_index, s.horizon_days, oh.opportunity_id ORDER BY oh.changed_ms DESC) AS rn
  FROM snapshots s
  JOIN opportunity_history oh ON oh.changed_day <= s.snapshot_day
),
forecasts AS (
  SELECT st.month_index, st.horizon_days, COALESCE(o.owner_name, '(no owner)') AS owner_name,
    SUM(CASE WHEN st.close_day >= st.month_start AND st.close_day <= st.month_end
        AND NOT (st.is_closed AND NOT st.is_won) THEN st.amount * st.probability / 100.0 ELSE 0 END) AS forecast
  FROM states st
  JOIN opportunities o ON o.opportunity_id = st.opportunity_id
  WHERE st.rn = 1
  GROUP BY st.month_index, st.horizon_days, COALESCE(o.owner_name, '(no owner)')
),
actuals AS (
  SELECT s.month_index, s.horizon_days, COALESCE(o.owner_name, '(no owner)') AS owner_name, SUM(o.amount) AS actual
  FROM (SELECT DISTINCT month_index, month_start, month_end, horizon_days FROM snapshots) s
  JOIN opportunities o ON o.is_won AND o.close_day >= s.month_start AND o.close_day <= s.month_end
  GROUP BY s.month_index, s.horizon_days, COALESCE(o.owner_name, '(no owner)')
),
cells AS (
  SELECT month_index, horizon_days, owner_name, SUM(forecast) AS forecast, SUM(actual) AS actual
  FROM (
    SELECT month_index, horizon_days, owner_name, forecast, 0 AS actual FROM forecasts
    UNION ALL
    SELECT month_index, horizon_days, owner_name, 0, actual FROM actuals
  ) x
  GROUP BY month_index, horizon_days, owner_name
),
team AS (
  SELECT month_index, horizon_days, SUM(forecast) AS forecast, SUM(actual) AS actual
  FROM cells GROUP BY month_index, horizon_days
)
SELECT 'owner' AS level, owner_name, horizon_days,
  SUM(CASE WHEN actual > 0 THEN 1 ELSE 0 END) AS months,
  SUM(forecast) AS forecast, SUM(actual) AS actual,
  AVG(CASE WHEN actual > 0 THEN ABS(actual - forecast) / actual END) AS mape,
  CASE WHEN SUM(actual) > 0 THEN SUM(ABS(actual - forecast)) / SUM(actual) END AS wape,
  CASE WHEN SUM(actual) > 0 THEN SUM(forecast - actual) / SUM(actual) END AS bias
FROM cells
GROUP BY owner_name, horizon_days
UNION ALL
SELECT 'rollup', '(all)', horizon_days,
  SUM(CASE WHEN actual > 0 THEN 1 ELSE 0 END),
  SUM(forecast), SUM(actual),
  AVG(CASE WHEN actual > 0 THEN ABS(actual - forecast) / actual END),
  CASE WHEN SUM(actual) > 0 THEN SUM(ABS(actual - forecast)) / SUM(actual) END,
  CASE WHEN SUM(actual) > 0 THEN SUM(forecast - actual) / SUM(actual) END
FROM team
GROUP BY horizon_days
ORDER BY level, owner_name, horizon_days;
