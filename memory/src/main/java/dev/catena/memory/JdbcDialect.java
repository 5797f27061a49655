package dev.catena.memory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The SQL that differs between the databases a {@link JdbcChatMessageHistory} creates tables in. */
enum JdbcDialect {
    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", "TEXT", "TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP"),
    POSTGRESQL("BIGSERIAL PRIMARY KEY", "JSONB", "TIMESTAMPTZ NOT NULL DEFAULT NOW()"),
    OTHER(null, null, null);

    private final String idType;
    private final String messageType;
    private final String createdAtType;

    JdbcDialect(String idType, String messageType, String createdAtType) {
        this.idType = idType;
        this.messageType = messageType;
        this.createdAtType = createdAtType;
    }

    static JdbcDialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("sqlite")) {
            return SQLITE;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        return OTHER;
    }

    boolean canCreateTables() {
        return idType != null;
    }

    String createTable(String table) {
        return "CREATE TABLE IF NOT EXISTS " + table + " (id " + idType + ", session_id TEXT NOT NULL, message "
                + messageType + " NOT NULL, created_at " + createdAtType + ")";
    }

    String createIndex(String table) {
        return "CREATE INDEX IF NOT EXISTS idx_" + table + "_session_id ON " + table + " (session_id)";
    }
}
