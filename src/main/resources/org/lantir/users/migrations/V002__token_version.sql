-- Lantir's addition: a counter raised on every password change. Access tokens carry the value
-- they were issued under, so a password change ends the tokens issued before it. The Python
-- tool ignores the column.
ALTER TABLE users ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;
