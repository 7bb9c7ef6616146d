-- The velocity trend: the same formula per calendar quarter of close, over the quarters of the
-- trailing year. Per quarter, the opportunities are the deals that closed in it (won, lost or no
-- decision); cycle length is the median of the quarter's won deals whose start is known.
WITH quarters AS (
  SELECT p.as_of_quarter - 3 AS quarter_index FROM params p
  UNION ALL SELECT p.as_of_quarter - 2 FROM params p
  UNION ALL SELECT p.as_of_quarter - 1 FROM params p
  UNION ALL SELECT p.as_of_quarter FROM params p
),
closed AS (
  SELECT o.close_quarter AS quarter_index, o.is_won, o.amount, o.close_day - s.start_day AS cycle_days
  FROM opportunities o
  JOIN opportunity_starts s ON s.opportunity_id = o.opportunity_id
  CROSS JOIN params p
  WHERE o.is_closed AND o.motion IN ('new', 'expansion') AND o.close_day <= p.as_of_day
),
cycles AS (
  SELECT quarter_index, cycle_days,
    ROW_NUMBER() OVER (PARTITION BY quarter_index ORDER BY cycle_days) AS rn,
    COUNT(*) OVER (PARTITION BY quarter_index) AS n
  FROM closed WHERE is_won AND cycle_days IS NOT NULL
),
medians AS (
  SELECT quarter_index, AVG(1.0 * cycle_days) AS cycle_days, MAX(n) AS cycle_deals
  FROM cycles WHERE 2 * rn BETWEEN n AND n + 2 GROUP BY quarter_index
),
totals AS (
  SELECT q.quarter_index, COUNT(c.quarter_index) AS closed,
    COALESCE(SUM(CASE WHEN c.is_won THEN 1 ELSE 0 END), 0) AS won,
    COALESCE(SUM(CASE WHEN c.is_won THEN c.amount ELSE 0 END), 0) AS won_amount
  FROM quarters q LEFT JOIN closed c ON c.quarter_index = q.quarter_index
  GROUP BY q.quarter_index
),
joined AS (
  SELECT t.*, m.cycle_days, COALESCE(m.cycle_deals, 0) AS cycle_deals,
    CASE WHEN t.closed > 0 THEN 1.0 * t.won / t.closed END AS win_rate,
    CASE WHEN t.won > 0 THEN 1.0 * t.won_amount / t.won END AS average_deal_size
  FROM totals t LEFT JOIN medians m ON m.quarter_index = t.quarter_index
)
SELECT joined.*,
  CASE WHEN cycle_days > 0 THEN closed * win_rate * average_deal_size / cycle_days END AS velocity_per_day
FROM joined
ORDER BY quarter_index;
