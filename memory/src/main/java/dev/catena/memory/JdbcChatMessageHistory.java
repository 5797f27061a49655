package dev.catena.memory;

import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.json.UnreadableMessages;
import dev.catena.core.messages.ChatMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A chat message history in a SQL database over plain JDBC: SQLite for an embedded store (just a
 * file path), PostgreSQL for a store shared by several replicas. The table follows LangChain's own
 * SQL and Postgres chat histories, so a Python LangChain service reads and writes the same rows:
 *
 * <pre>{@code
 * message_store(id       serial/autoincrement primary key  -- the order of messages
 *               session_id text                            -- (uuid in a langchain-postgres table also works)
 *               message    text (SQLite) / jsonb (PostgreSQL) -- LangChain message_to_dict JSON
 *               created_at timestamp default now)
 * }</pre>
 *
 * The table and an index on {@code session_id} are created if missing. Messages of a session are
 * read {@code ORDER BY id}; one {@link #add} is one transaction with a batched insert, so its
 * messages appear together or not at all, and next to each other: concurrent adds to one session
 * (threads on a pool, or processes) never interleave. On PostgreSQL an add takes a
 * transaction-scoped advisory lock per table and session; on SQLite the database's write lock
 * does the same. On other databases (tables you created) adds are not serialised by Catena.
 *
 * <p>Reading skips a stored message it cannot read and logs it, so one bad row does not make a
 * conversation unreadable; {@link Builder#unreadableMessages} chooses otherwise.
 *
 * <pre>{@code
 * try (JdbcChatMessageHistory history = JdbcChatMessageHistory.of("jdbc:sqlite:chats.db")) {
 *     history.add("alice", ChatMessage.user("Hello"));
 * }
 * }</pre>
 *
 * <p>Built from a URL, the history keeps one connection and runs one operation at a time on it;
 * for many concurrent users of PostgreSQL pass your connection pool's {@link DataSource} instead.
 */
public final class JdbcChatMessageHistory implements ChatMessageHistory, AutoCloseable {

    /** The table LangChain's SQL and (community) Postgres chat histories use by default. */
    public static final String DEFAULT_TABLE = "message_store";

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final JdbcConnections connections;
    private final String table;
    private final boolean createTable;
    private final UnreadableMessages unreadable;
    private volatile Statements statements;

    private JdbcChatMessageHistory(Builder b) {
        this.connections = b.dataSource != null ? JdbcConnections.of(b.dataSource)
                : JdbcConnections.of(b.url, b.user, b.password);
        this.table = b.table;
        this.createTable = b.createTable;
        this.unreadable = b.unreadable;
    }

    /**
     * A history in the default table of the database at this JDBC URL, e.g. {@code jdbc:sqlite:chats.db}.
     *
     * @param jdbcUrl the database's JDBC URL
     * @return a history that creates its table if missing
     */
    public static JdbcChatMessageHistory of(String jdbcUrl) {
        return builder().url(jdbcUrl).build();
    }

    /**
     * A history in the default table of the database behind this (pooled) data source.
     *
     * @param dataSource the data source to take a connection from for each operation
     * @return a history that creates its table if missing
     */
    public static JdbcChatMessageHistory of(DataSource dataSource) {
        return builder().dataSource(dataSource).build();
    }

    /**
     * Settings for a history: give a {@link Builder#url URL} or a {@link Builder#dataSource data source}.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The table's name.
     *
     * @return the name of the table holding the messages
     */
    public String table() {
        return table;
    }

    @Override
    public void add(String sessionId, List<? extends ChatMessage> messages) {
        StoredMessage.checkSessionId(sessionId);
        if (messages.isEmpty()) {
            return;
        }
        List<String> rows = messages.stream().map(StoredMessage::write).toList();
        run("append to", sessionId, c -> {
            Statements s = statements(c);
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(s.insert)) {
                lockSession(c, s, sessionId);
                for (String row : rows) {
                    insert.setString(1, sessionId);
                    insert.setString(2, row);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
            } catch (Throwable e) {
                // Anything, an Error too: the finally's setAutoCommit(true) would commit a half-done add.
                try {
                    c.rollback();
                } catch (SQLException | RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
            return null;
        });
    }

    /**
     * Makes this transaction the session's only writer until it ends, so that its rows take
     * consecutive ids among the session's rows: without it two adds running at once draw ids from
     * the sequence in turns and come back interleaved. PostgreSQL: a transaction-scoped advisory
     * lock on a 64-bit hash of table and session. SQLite needs none: its first insert takes the
     * database's one write lock until the commit.
     */
    private void lockSession(Connection c, Statements s, String sessionId) throws SQLException {
        if (s.dialect == JdbcDialect.POSTGRESQL) {
            long key = UUID.nameUUIDFromBytes((table + '\0' + sessionId).getBytes(StandardCharsets.UTF_8))
                    .getMostSignificantBits();
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, key);
                lock.execute();
            }
        }
    }

    @Override
    public List<ChatMessage> messages(String sessionId) {
        StoredMessage.checkSessionId(sessionId);
        List<String> rows = run("read", sessionId, c -> {
            try (PreparedStatement select = c.prepareStatement(statements(c).select)) {
                select.setString(1, sessionId);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
        return StoredMessage.readAll(rows, i -> "#" + (i + 1) + " of session '" + sessionId + "' in table " + table,
                unreadable);
    }

    @Override
    public void clear(String sessionId) {
        StoredMessage.checkSessionId(sessionId);
        run("clear", sessionId, c -> {
            try (PreparedStatement delete = c.prepareStatement(statements(c).delete)) {
                delete.setString(1, sessionId);
                delete.executeUpdate();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return null;
        });
    }

    /** Closes the connection this history opened itself (a data source is left to its owner). */
    @Override
    public void close() {
        connections.close();
    }

    private <T> T run(String what, String sessionId, JdbcConnections.Work<T> work) {
        try {
            return connections.with(work);
        } catch (SQLException e) {
            String hint = statements != null && statements.uuidSessions
                    ? "; this table's session_id column is a UUID (langchain-postgres layout), so session ids must be UUIDs"
                    : "";
            throw new ChatHistoryException("cannot " + what + " chat history '" + sessionId + "' in table " + table
                    + " (" + e.getMessage() + ")" + hint, e);
        }
    }

    /** The SQL for this table, worked out once from the table's actual column types. */
    private Statements statements(Connection c) throws SQLException {
        Statements s = statements;
        if (s == null) {
            s = prepareTable(c);
            statements = s;
        }
        return s;
    }

    private Statements prepareTable(Connection c) throws SQLException {
        JdbcDialect dialect = JdbcDialect.of(c);
        if (createTable && dialect.canCreateTables()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                if (dialect == JdbcDialect.SQLITE) {
                    // Write-ahead log: readers never wait for a writer, and a commit costs one fsync.
                    st.execute("PRAGMA journal_mode = WAL");
                }
                st.execute(dialect.createTable(table));
                st.execute(dialect.createIndex(table));
            } catch (SQLException e) {
                // Two replicas creating the table at once: one loses the race, and the table is there.
                if (columnType(c, "message") == null) {
                    throw e;
                }
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
        String messageType = columnType(c, "message");
        if (messageType == null) {
            throw new ChatHistoryException("table " + table + " has no message column (or does not exist); create it as "
                    + "LangChain does (id, session_id, message) or let the history create it");
        }
        String sessionType = columnType(c, "session_id");
        boolean uuid = "uuid".equalsIgnoreCase(sessionType);
        String sessionParam = uuid ? "CAST(? AS uuid)" : "?";
        String messageParam = messageType.toLowerCase(Locale.ROOT).startsWith("json")
                ? "CAST(? AS " + messageType.toLowerCase(Locale.ROOT) + ")" : "?";
        return new Statements(
                "INSERT INTO " + table + " (session_id, message) VALUES (" + sessionParam + ", " + messageParam + ")",
                "SELECT message FROM " + table + " WHERE session_id = " + sessionParam + " ORDER BY id",
                "DELETE FROM " + table + " WHERE session_id = " + sessionParam,
                uuid, dialect);
    }

    /** The SQL type name of a column of the table, or null when there is no such column. */
    private String columnType(Connection c, String column) throws SQLException {
        for (String t : List.of(table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = c.getMetaData().getColumns(null, null, t, null)) {
                while (rs.next()) {
                    if (rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                        return rs.getString("TYPE_NAME");
                    }
                }
            }
        }
        return null;
    }

    private record Statements(String insert, String select, String delete, boolean uuidSessions, JdbcDialect dialect) {
    }

    /** Settings of a {@link JdbcChatMessageHistory}: where the database is and which table to use. */
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private DataSource dataSource;
        private String table = DEFAULT_TABLE;
        private boolean createTable = true;
        private UnreadableMessages unreadable = UnreadableMessages.SKIP;

        private Builder() {
        }

        /**
         * What reading a session does with a stored message it cannot read: by default
         * {@link UnreadableMessages#SKIP} (logged, the rest stays readable); {@link UnreadableMessages#FAIL}
         * to fail the read instead.
         *
         * @param choice what to do with an unreadable stored message
         * @return this builder
         */
        public Builder unreadableMessages(UnreadableMessages choice) {
            this.unreadable = Objects.requireNonNull(choice, "unreadable-message choice");
            return this;
        }

        /**
         * The database's JDBC URL, e.g. {@code jdbc:sqlite:chats.db} or {@code jdbc:postgresql://host/db}.
         *
         * @param jdbcUrl the database's JDBC URL; not null
         * @return this builder
         */
        public Builder url(String jdbcUrl) {
            this.url = Objects.requireNonNull(jdbcUrl, "JDBC URL");
            return this;
        }

        /**
         * User and password for a URL (they may also be in the URL).
         *
         * @param user the database user, or null for none
         * @param password the user's password, or null for none
         * @return this builder
         */
        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /**
         * A data source (normally a connection pool) to take a connection from for each operation.
         *
         * @param dataSource the data source; not null
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "data source");
            return this;
        }

        /**
         * The table; default {@value JdbcChatMessageHistory#DEFAULT_TABLE} (langchain-postgres' examples use "chat_history").
         *
         * @param table a plain SQL identifier: letters, digits and underscores
         * @return this builder
         * @throws IllegalArgumentException if {@code table} is not a plain SQL identifier
         */
        public Builder table(String table) {
            if (table == null || !TABLE_NAME.matcher(table).matches()) {
                throw new IllegalArgumentException("table name '" + table
                        + "' is not a plain SQL identifier; use letters, digits and underscores");
            }
            this.table = table;
            return this;
        }

        /**
         * Whether to create the table and index if missing (default true).
         *
         * @param create false when the table already exists and may not be altered
         * @return this builder
         */
        public Builder createTable(boolean create) {
            this.createTable = create;
            return this;
        }

        /**
         * The history with these settings. It connects, and creates the table and index if allowed,
         * on first use.
         *
         * @return a new history
         * @throws IllegalStateException unless exactly one of a URL and a data source was given
         */
        public JdbcChatMessageHistory build() {
            if ((url == null) == (dataSource == null)) {
                throw new IllegalStateException("give the JDBC history exactly one of url(...) or dataSource(...)");
            }
            return new JdbcChatMessageHistory(this);
        }
    }
}
