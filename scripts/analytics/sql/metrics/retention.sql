-- Net and gross revenue retention (002 §5 Tier 1; 004 core_metrics):
--   NRR = (beginning ARR + expansion − contraction − churn) ÷ beginning ARR
--   GRR = (beginning ARR − contraction − churn) ÷ beginning ARR
-- from contracts, account by account: the customers with ARR on the first day of the period,
-- their ARR then and on the last day (ARR = the sum of their active contracts' ARR__c).
-- An account's increase is expansion, a decrease contraction, a fall to zero churn.
--   trailing12m:   the year up to as-of, as the contracts say it happened.
--   contracted12m: the year after as-of, as already contracted: contracts signed for later
--                  count; a contract ending in the year renews at its contracted uplift unless
--                  notice was given (Non-Renewing), which is churn.
WITH periods AS (
  SELECT 'trailing12m' AS basis, p.as_of_day - p.trailing_days AS start_day, p.as_of_day AS end_day FROM params p
  UNION ALL
  SELECT 'contracted12m', p.as_of_day, p.as_of_day + p.trailing_days FROM params p
),
at_start AS (
  SELECT pr.basis, c.account_id, SUM(c.arr) AS arr
  FROM periods pr
  JOIN contracts c ON c.start_day <= pr.start_day AND c.end_day >= pr.start_day
  GROUP BY pr.basis, c.account_id
),
at_end AS (
  SELECT pr.basis, c.account_id, SUM(CASE
      WHEN c.start_day <= pr.end_day AND c.end_day >= pr.end_day THEN c.arr
      WHEN pr.basis = 'contracted12m' AND c.end_day >= pr.start_day AND c.end_day < pr.end_day
        AND LOWER(c.renewal_type) NOT LIKE 'non%renew%' THEN c.arr * (1 + c.uplift_percent / 100.0)
      ELSE 0
    END) AS arr
  FROM periods pr
  JOIN contracts c ON c.start_day <= pr.end_day
  GROUP BY pr.basis, c.account_id
),
bridge AS (
  SELECT s.basis, s.account_id, s.arr AS beginning, COALESCE(e.arr, 0) AS ending
  FROM at_start s
  LEFT JOIN at_end e ON e.basis = s.basis AND e.account_id = s.account_id
),
sums AS (
  SELECT pr.basis, pr.start_day, pr.end_day,
    COUNT(b.account_id) AS customers,
    COALESCE(SUM(b.beginning), 0) AS beginning_arr,
    COALESCE(SUM(CASE WHEN b.ending > b.beginning THEN b.ending - b.beginning ELSE 0 END), 0) AS expansion,
    COALESCE(SUM(CASE WHEN b.ending > 0 AND b.ending < b.beginning THEN b.beginning - b.ending ELSE 0 END), 0)
      AS contraction,
    COALESCE(SUM(CASE WHEN b.ending <= 0 THEN b.beginning ELSE 0 END), 0) AS churn,
    COALESCE(SUM(CASE WHEN b.ending <= 0 THEN 1 ELSE 0 END), 0) AS churned_customers,
    COALESCE(SUM(b.ending), 0) AS ending_arr
  FROM periods pr
  LEFT JOIN bridge b ON b.basis = pr.basis
  GROUP BY pr.basis, pr.start_day, pr.end_day
)
SELECT sums.*,
  CASE WHEN beginning_arr > 0 THEN (beginning_arr + expansion - contraction - churn) / beginning_arr END AS nrr,
  CASE WHEN beginning_arr > 0 THEN (beginning_arr - contraction - churn) / beginning_arr END AS grr
FROM sums
ORDER BY basis DESC;
