-- Lantir worklist store, schema version 3: the three LT comments a Modality Worklist answer
-- may carry (PS3.4 Table K.6-1): Patient Comments (0010,4000), Requested Procedure Comments
-- (0040,1400) and Comments on the Scheduled Procedure Step (0040,0400).
-- Rows stored before have none: the columns start NULL, which a C-FIND answers with zero
-- length. LT holds at most 10240 characters (PS3.5 Table 6.2-1); the worklist service refuses
-- a longer comment with a clear message, and the CHECK keeps any other writer to the limit.
-- SQLite's length() counts characters of a TEXT value, as LongText does.
ALTER TABLE worklist_item ADD COLUMN patient_comments TEXT
    CHECK (length(patient_comments) <= 10240);
ALTER TABLE worklist_item ADD COLUMN requested_procedure_comments TEXT
    CHECK (length(requested_procedure_comments) <= 10240);
ALTER TABLE worklist_item ADD COLUMN sps_comments TEXT
    CHECK (length(sps_comments) <= 10240);
