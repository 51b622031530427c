-- Lantir worklist store, schema version 5: Scheduled Procedure Step End Date (0040,0004) and
-- End Time (0040,0005), return keys of the Scheduled Procedure Step Sequence (PS3.4 Table
-- K.6-1, PS3.3 C.4.10), in the text forms of the start columns (YYYY-MM-DD and HH:MM:SS).
-- A source that knows when a step ends (a Calpendo booking) fills them; rows stored before,
-- and rows of sources that do not know, have none: NULL, which a C-FIND answers with zero
-- length.
ALTER TABLE worklist_item ADD COLUMN scheduled_end_date TEXT;
ALTER TABLE worklist_item ADD COLUMN scheduled_end_time TEXT;
