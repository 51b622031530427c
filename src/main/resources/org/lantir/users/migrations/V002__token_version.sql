-- Lantir's additions; the Python tool ignores both.
--
-- A counter raised on every password change. Access tokens carry the value they were issued
-- under, so a password change ends the tokens issued before it.
ALTER TABLE users ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;
-- The highest account id ever given. The Python tool's table reuses the id of the newest
-- account once deleted (no AUTOINCREMENT); Lantir gives every new account a fresh id, so a
-- token of a deleted account can never speak for a new one of the same name.
CREATE TABLE lantir_user_ids (last_id INTEGER NOT NULL);
INSERT INTO lantir_user_ids (last_id) SELECT COALESCE(MAX(id), 0) FROM users;
