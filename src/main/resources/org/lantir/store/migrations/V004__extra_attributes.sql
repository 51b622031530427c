-- Lantir worklist store, schema version 4: the attributes a row has beyond its columns, as a
-- DICOM worklist file (dcmtk's or Orthanc's .wl) gave them, so that a C-FIND answers them
-- back (Admission ID, Medical Alerts, Scheduled Procedure Step Location, ...).
-- The value is one data set in Explicit VR Little Endian with the shape of the row's answer
-- (PS3.4 Table K.6-1): top-level attributes, and the step's own in the one item of a
-- Scheduled Procedure Step Sequence (0040,0100). Rows stored before, and rows of other
-- sources, have none: NULL.
ALTER TABLE worklist_item ADD COLUMN extra_attributes BLOB;
