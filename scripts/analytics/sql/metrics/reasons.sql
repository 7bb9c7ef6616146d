-- Reason codes (001 §Data & Attribution Controls; 002 §7): why deals were lost (closed lost or no
-- decision in the trailing year), why close dates slipped, why customers churn (contracts with a
-- churn reason or notice given), why the SDR disqualified leads.
WITH losses AS (
  SELECT COALESCE(o.loss_reason, '(no reason)') AS reason, o.amount
  FROM opportunities o
  CROSS JOIN params p
  WHERE o.is_closed AND NOT o.is_won AND o.motion IN ('new', 'expansion')
    AND o.close_day > p.as_of_day - p.trailing_days AND o.close_day <= p.as_of_day
),
slips AS (
  SELECT COALESCE(o.slip_reason, '(no reason)') AS reason, o.amount
  FROM opportunities o
  WHERE o.push_count > 0 AND o.motion IN ('new', 'expansion')
),
churn AS (
  SELECT COALESCE(c.churn_reason, '(no reason)') AS reason, c.arr AS amount
  FROM contracts c
  WHERE c.churn_reason IS NOT NULL OR LOWER(c.renewal_type) LIKE 'non%renew%'
),
disqualified AS (
  SELECT l.disqualification_reason AS reason, 0 AS amount
  FROM leads l WHERE l.disqualification_reason IS NOT NULL
)
SELECT 'loss' AS kind, reason, COUNT(*) AS deals, SUM(amount) AS amount FROM losses GROUP BY reason
UNION ALL
SELECT 'slip', reason, COUNT(*), SUM(amount) FROM slips GROUP BY reason
UNION ALL
SELECT 'churn', reason, COUNT(*), SUM(amount) FROM churn GROUP BY reason
UNION ALL
SELECT 'disqualification', reason, COUNT(*), SUM(amount) FROM disqualified GROUP BY reason
ORDER BY kind, deals DESC, reason;
