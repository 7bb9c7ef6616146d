-- The rep scorecard (002 §6 rep-scorecard.yaml), per opportunity owner: pipeline created in the
-- coverage window, open pipeline, Closed Won in the trailing year, win rate, average deal size,
-- average cycle. Needs owners (an org has them; a dataset does not): no owner, no rows.
WITH deals AS (
  SELECT o.owner_name, o.amount, o.is_won, o.created_day, s.start_day, o.close_day,
    CASE WHEN NOT o.is_closed THEN 1 ELSE 0 END AS is_open,
    CASE WHEN o.is_closed AND o.close_day > p.as_of_day - p.trailing_days AND o.close_day <= p.as_of_day
      THEN 1 ELSE 0 END AS closed_recently,
    CASE WHEN o.created_day > p.as_of_day - p.coverage_days AND o.created_day <= p.as_of_day
      THEN o.amount ELSE 0 END AS created_amount
  FROM opportunities o
  JOIN opportunity_starts s ON s.opportunity_id = o.opportunity_id
  CROSS JOIN params p
  WHERE o.motion IN ('new', 'expansion') AND o.owner_name IS NOT NULL
),
grouped AS (
  SELECT owner_name,
    SUM(created_amount) AS pipeline_created,
    SUM(is_open) AS open_deals,
    SUM(CASE WHEN is_open = 1 THEN amount ELSE 0 END) AS open_amount,
    SUM(closed_recently) AS closed,
    SUM(CASE WHEN closed_recently = 1 AND is_won THEN 1 ELSE 0 END) AS won,
    SUM(CASE WHEN closed_recently = 1 AND is_won THEN amount ELSE 0 END) AS won_amount,
    AVG(CASE WHEN closed_recently = 1 AND is_won THEN 1.0 * (close_day - start_day) END) AS average_cycle_days
  FROM deals
  GROUP BY owner_name
)
SELECT g.*,
  CASE WHEN closed > 0 THEN 1.0 * won / closed END AS win_rate,
  CASE WHEN won > 0 THEN 1.0 * won_amount / won END AS average_deal_size
FROM grouped g
ORDER BY owner_name;
