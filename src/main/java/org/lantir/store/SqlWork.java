package org.lantir.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on one JDBC connection of a {@link Database}: a read, or the body of a write
 * transaction.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
