-- The users table in the Python tool's shape (its SQLAlchemy model, pylantir auth_models), so
-- a users.db it wrote opens unchanged and both tools can read what the other wrote. On such a
-- database (user_version 0, table present) these statements change nothing.
-- role holds ADMIN / WRITE / READ; is_active 0 or 1; times are naive UTC text
-- 'YYYY-MM-DD HH:MM:SS.ffffff'.
CREATE TABLE IF NOT EXISTS users (
    id INTEGER NOT NULL,
    username VARCHAR(50) NOT NULL,
    email VARCHAR(100),
    full_name VARCHAR(100),
    hashed_password VARCHAR(255) NOT NULL,
    role VARCHAR(5) NOT NULL,
    is_active BOOLEAN,
    created_at DATETIME,
    last_login DATETIME,
    created_by INTEGER,
    PRIMARY KEY (id),
    UNIQUE (email)
);
CREATE UNIQUE INDEX IF NOT EXISTS ix_users_username ON users (username);
