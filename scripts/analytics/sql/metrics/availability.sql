-- What the data holds, for the report to say which metric it cannot compute and why.
SELECT
  (SELECT COUNT(*) FROM opportunities) AS opportunities,
  (SELECT COUNT(created_day) FROM opportunities) AS opportunities_with_created_date,
  (SELECT COUNT(owner_name) FROM opportunities) AS opportunities_with_owner,
  (SELECT COUNT(*) FROM opportunity_history) AS history_rows,
  (SELECT COUNT(*) FROM opportunity_starts WHERE start_basis = 'mql') AS opportunities_started_from_mql,
  (SELECT COUNT(*) FROM leads) AS leads,
  (SELECT COUNT(mql_day) FROM leads) AS leads_with_mql_date,
  (SELECT COUNT(converted_opportunity_id) FROM leads) AS leads_linked_to_opportunity,
  (SELECT COUNT(*) FROM contracts) AS contracts,
  (SELECT COUNT(*) FROM accounts) AS accounts;
