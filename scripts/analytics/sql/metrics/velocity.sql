-- Sales velocity (002 §4 Deal Velocity Formula; 004 pipeline_velocity):
--   (open opportunities × win rate × average deal size) ÷ sales cycle length, in amount per day,
-- overall and by segment. Win rate and average deal size: new-business and expansion deals
-- closed in the trailing year. Cycle length: the median days from start to close of the deals
-- WON in a matured cohort — deals that started between maturity_days + trailing_days and
-- maturity_days before as-of — so that long deals still open cannot bias it short
-- (survivorship). A deal's start is its CreatedDate, or the MQL date of the lead it came from.
WITH base AS (
  SELECT o.segment, o.is_closed, o.is_won, o.amount, o.close_day, o.motion, s.start_day, s.start_basis
  FROM opportunities o
  JOIN opportunity_starts s ON s.opportunity_id = o.opportunity_id
  WHERE o.motion IN ('new', 'expansion')
),
tagged AS (
  SELECT b.*,
    CASE WHEN NOT b.is_closed THEN 1 ELSE 0 END AS is_open,
    CASE WHEN b.is_closed AND b.close_day > p.as_of_day - p.trailing_days AND b.close_day <= p.as_of_day
      THEN 1 ELSE 0 END AS closed_recently,
    CASE WHEN b.start_day > p.as_of_day - p.maturity_days - p.trailing_days
      AND b.start_day <= p.as_of_day - p.maturity_days THEN 1 ELSE 0 END AS in_cohort
  FROM base b CROSS JOIN params p
),
scoped AS (
  SELECT 'overall' AS dimension, '(all)' AS member, is_won, amount, close_day, start_day, start_basis, is_open,
    closed_recently, in_cohort
  FROM tagged
  UNION ALL
  SELECT 'segment', segment, is_won, amount, close_day, start_day, start_basis, is_open, closed_recently, in_cohort
  FROM tagged
),
cycles AS (
  SELECT dimension, member, close_day - start_day AS cycle_days,
    ROW_NUMBER() OVER (PARTITION BY dimension, member ORDER BY close_day - start_day) AS rn,
    COUNT(*) OVER (PARTITION BY dimension, member) AS n
  FROM scoped
  WHERE in_cohort = 1 AND is_won
),
medians AS (
  -- The median without PERCENTILE_CONT (not in every engine): the middle row, or the mean of the two.
  SELECT dimension, member, AVG(1.0 * cycle_days) AS cycle_days, MAX(n) AS cycle_deals
  FROM cycles WHERE 2 * rn BETWEEN n AND n + 2
  GROUP BY dimension, member
),
totals AS (
  SELECT dimension, member,
    SUM(is_open) AS open_deals,
    SUM(closed_recently) AS closed,
    SUM(CASE WHEN closed_recently = 1 AND is_won THEN 1 ELSE 0 END) AS won,
    SUM(CASE WHEN closed_recently = 1 AND is_won THEN amount ELSE 0 END) AS won_amount,
    SUM(in_cohort) AS cohort_deals,
    SUM(CASE WHEN in_cohort = 1 AND is_open = 1 THEN 1 ELSE 0 END) AS cohort_open,
    SUM(CASE WHEN in_cohort = 1 AND is_won AND start_basis = 'created' THEN 1 ELSE 0 END) AS cohort_won_created,
    SUM(CASE WHEN in_cohort = 1 AND is_won AND start_basis = 'mql' THEN 1 ELSE 0 END) AS cohort_won_mql
  FROM scoped
  GROUP BY dimension, member
),
joined AS (
  SELECT t.*, m.cycle_days, COALESCE(m.cycle_deals, 0) AS cycle_deals,
    CASE WHEN t.closed > 0 THEN 1.0 * t.won / t.closed END AS win_rate,
    CASE WHEN t.won > 0 THEN 1.0 * t.won_amount / t.won END AS average_deal_size
  FROM totals t
  LEFT JOIN medians m ON m.dimension = t.dimension AND m.member = t.member
)
SELECT joined.*,
  CASE WHEN cycle_days > 0 THEN open_deals * win_rate * average_deal_size / cycle_days END AS velocity_per_day
FROM joined
ORDER BY dimension, member;
