-- Speed to lead (001 §Epic 1: 15-minute MQL touch; 003 §7: < 5 minutes): the median minutes
-- from MQL to first touch, over leads that were touched.
WITH ranked AS (
  SELECT speed_to_lead_minutes AS minutes,
    ROW_NUMBER() OVER (ORDER BY speed_to_lead_minutes) AS rn,
    COUNT(*) OVER () AS n
  FROM leads WHERE speed_to_lead_minutes IS NOT NULL
)
SELECT AVG(minutes) AS median_minutes, MAX(n) AS touched FROM ranked WHERE 2 * rn BETWEEN n AND n + 2;
