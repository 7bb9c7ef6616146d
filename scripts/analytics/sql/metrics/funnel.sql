-- The lead funnel MQL → SAL → SQL → SAO → Won (002 §3; 001 §Epic 1), overall, by segment, by
-- original source and by both. A lead's status is the furthest step it reached (a dataset or an
-- org holds only the current status). MQLs still waiting for the SDR (status MQL) are in flight
-- and left out of MQL → SAL; opportunities still open are left out of SAO → Won.
WITH mqls AS (
  SELECT l.segment, l.lead_source, l.funnel_role,
    CASE WHEN l.funnel_role = 'converted' AND o.is_closed THEN 1 ELSE 0 END AS sao_closed,
    CASE WHEN l.funnel_role = 'converted' AND o.is_won THEN 1 ELSE 0 END AS won
  FROM leads l
  CROSS JOIN params p
  LEFT JOIN opportunities o ON o.opportunity_id = l.converted_opportunity_id
  WHERE l.mql_day IS NOT NULL AND l.mql_day <= p.as_of_day
),
steps AS (
  SELECT segment, lead_source,
    1 AS mql,
    CASE WHEN funnel_role = 'mql' THEN 1 ELSE 0 END AS in_flight,
    CASE WHEN funnel_role <> 'mql' THEN 1 ELSE 0 END AS dispositioned,
    CASE WHEN funnel_role IN ('sal', 'sql', 'converted') THEN 1 ELSE 0 END AS sal,
    CASE WHEN funnel_role IN ('sql', 'converted') THEN 1 ELSE 0 END AS sql_reached,
    CASE WHEN funnel_role = 'converted' THEN 1 ELSE 0 END AS sao,
    sao_closed, won
  FROM mqls
),
grouped AS (
  SELECT 'overall' AS dimension, '(all)' AS segment, '(all)' AS lead_source,
    COUNT(*) AS mql, COALESCE(SUM(in_flight), 0) AS in_flight, COALESCE(SUM(dispositioned), 0) AS dispositioned,
    COALESCE(SUM(sal), 0) AS sal, COALESCE(SUM(sql_reached), 0) AS sql_reached, COALESCE(SUM(sao), 0) AS sao,
    COALESCE(SUM(sao_closed), 0) AS sao_closed, COALESCE(SUM(won), 0) AS won
  FROM steps
  UNION ALL
  SELECT 'segment', segment, '(all)', COUNT(*), SUM(in_flight), SUM(dispositioned), SUM(sal), SUM(sql_reached),
    SUM(sao), SUM(sao_closed), SUM(won)
  FROM steps GROUP BY segment
  UNION ALL
  SELECT 'source', '(all)', lead_source, COUNT(*), SUM(in_flight), SUM(dispositioned), SUM(sal), SUM(sql_reached),
    SUM(sao), SUM(sao_closed), SUM(won)
  FROM steps GROUP BY lead_source
  UNION ALL
  SELECT 'segment_source', segment, lead_source, COUNT(*), SUM(in_flight), SUM(dispositioned), SUM(sal),
    SUM(sql_reached), SUM(sao), SUM(sao_closed), SUM(won)
  FROM steps GROUP BY segment, lead_source
),
rates AS (
  SELECT g.*,
    CASE WHEN dispositioned > 0 THEN 1.0 * sal / dispositioned END AS mql_to_sal,
    CASE WHEN sal > 0 THEN 1.0 * sql_reached / sal END AS sal_to_sql,
    CASE WHEN sql_reached > 0 THEN 1.0 * sao / sql_reached END AS sql_to_sao,
    CASE WHEN sao_closed > 0 THEN 1.0 * won / sao_closed END AS sao_to_won,
    CASE WHEN dispositioned > 0 THEN 1.0 * sao / dispositioned END AS mql_to_sao
  FROM grouped g
)
-- MQL → Won chains the steps, so that deals still open do not count as losses.
SELECT rates.*, mql_to_sao * sao_to_won AS mql_to_won
FROM rates
ORDER BY dimension, segment, lead_source;
