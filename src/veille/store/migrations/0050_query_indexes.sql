-- 0050: indexes for the evidence queries (veille.queries: dyads, actor profiles, event search).
--
-- Numbered apart from the store's own sequence; it only adds indexes, so it can be
-- applied after any later store migration. Measured by bench/api.py.

-- Events in time order: the expression must stay identical to queries/sqlparts.py DATE_SORT
-- (an ISO week sorts as its Monday). The rowid (events.id) breaks ties.
CREATE INDEX events_sort_date ON events((CASE WHEN date_value GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]' THEN date(substr(date_value, 1, 4) || '-01-04', '-' || ((CAST(strftime('%w', substr(date_value, 1, 4) || '-01-04') AS INTEGER) + 6) % 7) || ' days', '+' || ((CAST(substr(date_value, 7) AS INTEGER) - 1) * 7) || ' days') ELSE date_value END));

-- Actor selectors look events up by either side's country and organisation.
CREATE INDEX events_target_country ON events(target_country);
CREATE INDEX events_source_org ON events(source_org) WHERE source_org IS NOT NULL;
CREATE INDEX events_target_org ON events(target_org) WHERE target_org IS NOT NULL;
