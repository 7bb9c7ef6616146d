-- Staging, DuckDB dialect: the only dialect-specific SQL of the report.
--
-- It turns the raw Salesforce records (raw_<object> tables, one column per field, lookups as
-- STRUCTs holding the parent's external id) into the report's tables, which every file in
-- ../metrics reads with portable SQL:
--
--   accounts, leads, opportunities, contracts, opportunity_history
--   (plus params, stages, lead_status_roles, calendar_months, forecast_horizons, which the
--   report writes from the model and --as-of before this file runs)
--
-- Dates become day numbers (days since 1970-01-01) and quarters/months become integer indexes,
-- so the metric files never call a date function. In a warehouse, this file is the one to port:
-- docs/metrics.md lists each table's columns and their meaning.

CREATE TABLE accounts AS
SELECT
  External_Id__c AS account_id,
  COALESCE(NULLIF(Segment__c, ''), 'Unknown') AS segment,
  NULLIF(lower(Website_Domain__c), '') AS domain
FROM raw_account;

-- A converted lead's opportunity: Salesforce's ConvertedOpportunityId where the org converted it,
-- otherwise the SDR → AE hand-off packet that names both (how a dataset records it).
CREATE TABLE lead_conversions AS
SELECT "Lead__r".External_Id__c AS lead_id, min("Opportunity__r".External_Id__c) AS opportunity_id
FROM raw_handoff_packet__c
WHERE Handoff_Type__c = 'SDR to AE' AND "Lead__r" IS NOT NULL AND "Opportunity__r" IS NOT NULL
GROUP BY 1;

CREATE TABLE leads AS
SELECT
  l.External_Id__c AS lead_id,
  COALESCE(r.funnel_role, 'other') AS funnel_role,
  COALESCE(NULLIF(l.Segment__c, ''), 'Unknown') AS segment,
  COALESCE(NULLIF(l.Lead_Source_Original__c, ''), 'Unknown') AS lead_source,
  CAST(floor(epoch(l.MQL_Date__c) / 86400) AS INTEGER) AS mql_day,
  CASE WHEN l.MQL_Date__c IS NOT NULL AND l.First_Touch_At__c IS NOT NULL
    THEN (epoch_ms(l.First_Touch_At__c) - epoch_ms(l.MQL_Date__c)) / 60000.0 END AS speed_to_lead_minutes,
  NULLIF(l.Disqualification_Reason__c, '') AS disqualification_reason,
  NULLIF(lower(split_part(l.Email, '@', 2)), '') AS email_domain,
  COALESCE(l.ConvertedOpportunity.External_Id__c, c.opportunity_id) AS converted_opportunity_id
FROM raw_lead l
LEFT JOIN lead_status_roles r ON r.status = l.Status
LEFT JOIN lead_conversions c ON c.lead_id = l.External_Id__c;

CREATE TABLE opportunities AS
SELECT
  o.External_Id__c AS opportunity_id,
  o.Account.External_Id__c AS account_id,
  COALESCE(a.segment, 'Unknown') AS segment,
  COALESCE(NULLIF(o.Lead_Source_Original__c, ''), 'Unknown') AS lead_source,
  -- Renewals point at the contract they renew; upgrades are expansion; the rest is new business.
  CASE
    WHEN o.Contract IS NOT NULL OR o.Type ILIKE '%renewal%' THEN 'renewal'
    WHEN o.Type ILIKE 'existing customer%' OR o.Type ILIKE '%upgrade%' OR o.Type ILIKE '%expansion%' THEN 'expansion'
    ELSE 'new'
  END AS motion,
  o.StageName AS stage_name,
  COALESCE(s.is_closed, o.StageName ILIKE 'closed%') AS is_closed,
  COALESCE(s.is_won, o.StageName ILIKE 'closed won') AS is_won,
  COALESCE(s.probability, 0) AS probability,
  COALESCE(s.forecast_category, 'Pipeline') AS forecast_category,
  COALESCE(s.stage_order, 99) AS stage_order,
  COALESCE(o.Amount, 0) AS amount,
  CAST(o.CloseDate - DATE '1970-01-01' AS INTEGER) AS close_day,
  year(o.CloseDate) * 4 + quarter(o.CloseDate) - 1 AS close_quarter,
  year(o.CloseDate) * 12 + month(o.CloseDate) - 1 AS close_month,
  CAST(floor(epoch(o.CreatedDate) / 86400) AS INTEGER) AS created_day,
  NULLIF(o.Owner.Name, '') AS owner_name,
  COALESCE(NULLIF(o.Primary_Competitor__c, ''), '(none named)') AS competitor,
  NULLIF(o.Loss_Reason__c, '') AS loss_reason,
  NULLIF(o.Slip_Reason__c, '') AS slip_reason,
  COALESCE(o.Push_Count__c, 0) AS push_count,
  NULLIF(o.NextStep, '') AS next_step,
  CAST(o.Next_Step_Date__c - DATE '1970-01-01' AS INTEGER) AS next_step_day
FROM raw_opportunity o
LEFT JOIN accounts a ON a.account_id = o.Account.External_Id__c
LEFT JOIN stages s ON s.stage_name = o.StageName;

-- The cycle's start: the opportunity's CreatedDate where the data has it; otherwise, for a deal a
-- converted lead opened, that lead's MQL date (a lead-to-close cycle; the report says which).
CREATE TABLE opportunity_starts AS
SELECT
  o.opportunity_id,
  COALESCE(o.created_day, min(l.mql_day)) AS start_day,
  CASE WHEN o.created_day IS NOT NULL THEN 'created' WHEN min(l.mql_day) IS NOT NULL THEN 'mql' END AS start_basis
FROM opportunities o
LEFT JOIN leads l ON l.converted_opportunity_id = o.opportunity_id
GROUP BY o.opportunity_id, o.created_day;

-- A contract ends the day before the same date term months later (Salesforce's EndDate).
CREATE TABLE contracts AS
SELECT
  External_Id__c AS contract_id,
  Account.External_Id__c AS account_id,
  CAST(StartDate - DATE '1970-01-01' AS INTEGER) AS start_day,
  CAST(CAST(StartDate + to_months(CAST(ContractTerm AS INTEGER)) AS DATE) - DATE '1970-01-01' AS INTEGER) - 1 AS end_day,
  CAST(ContractTerm AS INTEGER) AS term_months,
  COALESCE(ARR__c, 0) AS arr,
  COALESCE(NULLIF(Renewal_Type__c, ''), 'Unknown') AS renewal_type,
  NULLIF(Churn_Reason__c, '') AS churn_reason,
  COALESCE(Uplift_Percent__c, 0) AS uplift_percent
FROM raw_contract
WHERE StartDate IS NOT NULL AND ContractTerm IS NOT NULL
  AND (Status IS NULL OR Status NOT ILIKE 'draft%');

CREATE TABLE opportunity_history AS
SELECT
  h.Opportunity.External_Id__c AS opportunity_id,
  CAST(epoch_ms(h.CreatedDate) AS BIGINT) AS changed_ms,
  CAST(floor(epoch(h.CreatedDate) / 86400) AS INTEGER) AS changed_day,
  h.StageName AS stage_name,
  COALESCE(h.Amount, 0) AS amount,
  CAST(h.CloseDate - DATE '1970-01-01' AS INTEGER) AS close_day,
  COALESCE(h.Probability, s.probability, 0) AS probability,
  COALESCE(s.is_closed, h.StageName ILIKE 'closed%') AS is_closed,
  COALESCE(s.is_won, h.StageName ILIKE 'closed won') AS is_won
FROM raw_opportunityhistory h
LEFT JOIN stages s ON s.stage_name = h.StageName
WHERE h.Opportunity IS NOT NULL AND h.CreatedDate IS NOT NULL;
