-- civicgrid schema v40 (issue 19): every class can be filed, in the site's active code system.
-- Portable SQL for SQLite (edge) and PostgreSQL (hub).

-- a 默认立案标准: written by the product for a class that has no standard of its own or through the mapping, so that
-- no class is unfileable; the admin edits it (and then it is the site's own standard)
ALTER TABLE filing_standard ADD COLUMN default_standard BOOLEAN NOT NULL DEFAULT FALSE;

-- the active code system (编码体系): new sites start in GB/T 47678.5 (no setting = GBT47678); a site that already has
-- its catalog when this runs keeps working in the legacy codes until the admin switches
INSERT INTO site_setting (setting_key, setting_value, updated_at)
SELECT 'catalog.code-system', 'LEGACY', CURRENT_TIMESTAMP WHERE EXISTS (SELECT 1 FROM case_class);
