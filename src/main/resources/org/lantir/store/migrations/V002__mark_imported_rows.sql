-- Lantir worklist store, schema version 2: rows imported from the Python tool's database are
-- marked as such, so that the first sync of their source adopts them (ImportedRows).
-- Until version 2 the import kept the tool's row id, a bare integer, as the source key. No
-- source of Lantir's writes such a key (REDCap keys are '<record id>:<repeat instance>',
-- rows made by hand have none), so every all-digit key is an imported row's: it gets the
-- 'pylantir:' prefix the import now writes.
UPDATE worklist_item SET source_key = 'pylantir:' || source_key
    WHERE source_key <> '' AND source_key NOT GLOB '*[^0-9]*';
