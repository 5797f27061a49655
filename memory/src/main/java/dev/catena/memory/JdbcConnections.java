package dev.catena.memory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Where a {@link JdbcChatMessageHistory} gets its connections: from the application's
 * {@link DataSource} (a pool, one connection per operation), or from a JDBC URL, as one connection
 * kept open and used by one operation at a time.
 */
abstract class JdbcConnections implements AutoCloseable {

    /** Work done with a connection. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    abstract <T> T with(Work<T> work) throws SQLException;

    @Override
    public void close() {
    }

    static JdbcConnections of(DataSource dataSource) {
        return new FromDataSource(dataSource);
    }

    static JdbcConnections of(String url, String user, String password) {
        return new SharedConnection(url, user, password);
    }

    private static final class FromDataSource extends JdbcConnections {
        private final DataSource dataSource;

        FromDataSource(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        <T> T with(Work<T> work) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                prepare(c);
                return work.run(c);
            }
        }
    }

    /** One connection, opened on first use and again after it breaks. */
    private static final class SharedConnection extends JdbcConnections {
        private final String url;
        private final String user;
        private final String password;
        private final ReentrantLock lock = new ReentrantLock();
        private Connection connection;

        SharedConnection(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }

        @Override
        <T> T with(Work<T> work) throws SQLException {
            lock.lock();
            try {
                if (connection == null || connection.isClosed()) {
                    connection = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
                    prepare(connection);
                }
                try {
                    return work.run(connection);
                } catch (SQLException e) {
                    if (!connection.isValid(2)) {
                        closeQuietly();
                    }
                    throw e;
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                closeQuietly();
            } finally {
                lock.unlock();
            }
        }

        private void closeQuietly() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing a broken connection
                }
                connection = null;
            }
        }
    }

    /** SQLite: wait for another writer's lock instead of failing at once. */
    static void prepare(Connection c) throws SQLException {
        if (JdbcDialect.of(c) == JdbcDialect.SQLITE) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 30000");
            }
        }
    }
}
