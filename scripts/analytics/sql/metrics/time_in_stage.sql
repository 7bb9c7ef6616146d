-- Time in stage (002 §2: stage entry dates; 001 dashboard: velocity by stage): from
-- OpportunityHistory, each time a deal entered an open stage until it entered the next one.
-- Stays not yet over (the deal is still there) are left out.
WITH ordered AS (
  SELECT opportunity_id, stage_name, changed_ms, changed_day,
    LAG(stage_name) OVER (PARTITION BY opportunity_id ORDER BY changed_ms) AS previous_stage
  FROM opportunity_history
),
entries AS (
  SELECT opportunity_id, stage_name, changed_day AS entered_day,
    LEAD(changed_day) OVER (PARTITION BY opportunity_id ORDER BY changed_ms) AS left_day
  FROM ordered
  WHERE previous_stage IS NULL OR previous_stage <> stage_name
),
stays AS (
  SELECT e.stage_name, s.stage_order, e.left_day - e.entered_day AS days
  FROM entries e
  JOIN stages s ON s.stage_name = e.stage_name
  WHERE e.left_day IS NOT NULL AND NOT s.is_closed
),
ranked AS (
  SELECT stage_name, days,
    ROW_NUMBER() OVER (PARTITION BY stage_name ORDER BY days) AS rn,
    COUNT(*) OVER (PARTITION BY stage_name) AS n
  FROM stays
),
medians AS (
  SELECT stage_name, AVG(1.0 * days) AS median_days FROM ranked WHERE 2 * rn BETWEEN n AND n + 2 GROUP BY stage_name
)
SELECT st.stage_name, st.stage_order, COUNT(*) AS stays, AVG(1.0 * st.days) AS average_days, m.median_days
FROM stays st
JOIN medians m ON m.stage_name = st.stage_name
GROUP BY st.stage_name, st.stage_order, m.median_days
ORDER BY st.stage_order;
