-- Slip rate (001 dashboard: slippage; 000 slip reasons): the share of new-business and expansion
-- deals — open, or closed in the trailing year — whose close date moved later at least once
-- (Push_Count__c > 0); and open deals past their close date (idle, past due).
WITH deals AS (
  SELECT o.segment, o.push_count,
    CASE WHEN NOT o.is_closed THEN 1 ELSE 0 END AS is_open,
    CASE WHEN NOT o.is_closed AND o.close_day < p.as_of_day THEN 1 ELSE 0 END AS past_due
  FROM opportunities o
  CROSS JOIN params p
  WHERE o.motion IN ('new', 'expansion')
    AND (NOT o.is_closed OR (o.close_day > p.as_of_day - p.trailing_days AND o.close_day <= p.as_of_day))
),
grouped AS (
  SELECT '(all)' AS segment, COUNT(*) AS deals,
    COALESCE(SUM(CASE WHEN push_count > 0 THEN 1 ELSE 0 END), 0) AS slipped,
    COALESCE(SUM(push_count), 0) AS pushes,
    COALESCE(SUM(is_open), 0) AS open_deals, COALESCE(SUM(past_due), 0) AS past_due
  FROM deals
  UNION ALL
  SELECT segment, COUNT(*), SUM(CASE WHEN push_count > 0 THEN 1 ELSE 0 END), SUM(push_count), SUM(is_open),
    SUM(past_due)
  FROM deals GROUP BY segment
)
SELECT segment, deals, slipped, pushes, open_deals, past_due,
  CASE WHEN deals > 0 THEN 1.0 * slipped / deals END AS slip_rate,
  CASE WHEN open_deals > 0 THEN 1.0 * past_due / open_deals END AS past_due_share
FROM grouped
ORDER BY segment;
