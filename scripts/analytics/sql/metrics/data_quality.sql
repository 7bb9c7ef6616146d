-- Hygiene figures the dashboards show (002 §2 Data Hygiene Rules; 001 §Epic 1 and §Risk
-- Management), as numerator ÷ denominator; the thresholds live in the report (benchmarks.ts).
WITH domains AS (
  SELECT domain, COUNT(*) AS accounts FROM accounts WHERE domain IS NOT NULL GROUP BY domain
),
open_deals AS (
  SELECT o.*, p.as_of_day FROM opportunities o CROSS JOIN params p WHERE NOT o.is_closed
),
losses AS (
  SELECT o.* FROM opportunities o WHERE o.is_closed AND NOT o.is_won
),
touched AS (
  SELECT l.speed_to_lead_minutes, p.speed_to_lead_sla_minutes
  FROM leads l CROSS JOIN params p WHERE l.speed_to_lead_minutes IS NOT NULL
)
SELECT 'duplicateAccounts' AS check_name,
  COALESCE(SUM(CASE WHEN accounts > 1 THEN accounts ELSE 0 END), 0) AS numerator,
  COALESCE(SUM(accounts), 0) AS denominator
FROM domains
UNION ALL
SELECT 'openOppFieldsComplete',
  COALESCE(SUM(CASE WHEN next_step IS NOT NULL AND next_step_day IS NOT NULL AND amount > 0
    AND close_day IS NOT NULL THEN 1 ELSE 0 END), 0),
  COUNT(*)
FROM open_deals
UNION ALL
SELECT 'pastDueOpen', COALESCE(SUM(CASE WHEN close_day < as_of_day THEN 1 ELSE 0 END), 0), COUNT(*) FROM open_deals
UNION ALL
SELECT 'closedLostReason', COALESCE(SUM(CASE WHEN loss_reason IS NOT NULL THEN 1 ELSE 0 END), 0), COUNT(*) FROM losses
UNION ALL
SELECT 'competitorNamed',
  COALESCE(SUM(CASE WHEN competitor <> '(none named)' THEN 1 ELSE 0 END), 0), COUNT(*)
FROM losses WHERE LOWER(loss_reason) LIKE '%competitor%'
UNION ALL
SELECT 'speedToLeadBreached',
  COALESCE(SUM(CASE WHEN speed_to_lead_minutes > speed_to_lead_sla_minutes THEN 1 ELSE 0 END), 0), COUNT(*)
FROM touched
UNION ALL
SELECT 'leadsMatchingAnAccount',
  COALESCE(SUM(CASE WHEN l.email_domain IN (SELECT domain FROM domains) THEN 1 ELSE 0 END), 0), COUNT(*)
FROM leads l WHERE l.email_domain IS NOT NULL;
