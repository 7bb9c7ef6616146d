-- Win rate (002 §5 Tier 2; 003 §7): Closed Won ÷ all closed (won, lost, no decision), by count
-- and by value, over new-business and expansion deals closed in the trailing year. Renewals are
-- left out: their base rate is a retention figure, not a selling one.
WITH closed AS (
  SELECT o.segment, o.lead_source, o.competitor, o.motion, o.is_won, o.amount
  FROM opportunities o
  CROSS JOIN params p
  WHERE o.is_closed
    AND o.motion IN ('new', 'expansion')
    AND o.close_day > p.as_of_day - p.trailing_days
    AND o.close_day <= p.as_of_day
),
grouped AS (
  SELECT 'overall' AS dimension, 'all' AS member, COUNT(*) AS closed,
    COALESCE(SUM(CASE WHEN is_won THEN 1 ELSE 0 END), 0) AS won,
    COALESCE(SUM(amount), 0) AS closed_amount,
    COALESCE(SUM(CASE WHEN is_won THEN amount ELSE 0 END), 0) AS won_amount
  FROM closed
  UNION ALL
  SELECT 'segment', segment, COUNT(*), SUM(CASE WHEN is_won THEN 1 ELSE 0 END), SUM(amount),
    SUM(CASE WHEN is_won THEN amount ELSE 0 END)
  FROM closed GROUP BY segment
  UNION ALL
  SELECT 'source', lead_source, COUNT(*), SUM(CASE WHEN is_won THEN 1 ELSE 0 END), SUM(amount),
    SUM(CASE WHEN is_won THEN amount ELSE 0 END)
  FROM closed GROUP BY lead_source
  UNION ALL
  SELECT 'competitor', competitor, COUNT(*), SUM(CASE WHEN is_won THEN 1 ELSE 0 END), SUM(amount),
    SUM(CASE WHEN is_won THEN amount ELSE 0 END)
  FROM closed GROUP BY competitor
  UNION ALL
  SELECT 'motion', motion, COUNT(*), SUM(CASE WHEN is_won THEN 1 ELSE 0 END), SUM(amount),
    SUM(CASE WHEN is_won THEN amount ELSE 0 END)
  FROM closed GROUP BY motion
)
SELECT dimension, member, closed, won, closed_amount, won_amount,
  CASE WHEN closed > 0 THEN 1.0 * won / closed END AS win_rate,
  CASE WHEN closed_amount > 0 THEN 1.0 * won_amount / closed_amount END AS win_rate_by_value
FROM grouped
ORDER BY dimension, member;
