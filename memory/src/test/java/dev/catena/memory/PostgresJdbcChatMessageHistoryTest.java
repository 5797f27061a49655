package dev.catena.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.messages.ChatMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresJdbcChatMessageHistoryTest extends ChatMessageHistoryContract {

    @Override
    ChatMessageHistory create() {
        return JdbcChatMessageHistory.of(TestServers.postgresJdbcUrl());
    }

    @Override
    void appendStored(String sessionId, String stored) throws Exception {
        try (Connection c = DriverManager.getConnection(TestServers.postgresJdbcUrl());
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO message_store (session_id, message) VALUES (?, CAST(? AS jsonb))")) {
            insert.setString(1, sessionId);
            insert.setString(2, stored);
            insert.executeUpdate();
        }
    }

    @Test
    void readsAndWritesATableCreatedByLangchainPostgres() throws Exception {
        String table = "lc_chat_" + UUID.randomUUID().toString().replace("-", "");
        String session = UUID.randomUUID().toString();
        try (Connection c = DriverManager.getConnection(TestServers.postgresJdbcUrl()); Statement s = c.createStatement()) {
            // PostgresChatMessageHistory.create_tables(conn, table) in langchain-postgres:
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (id SERIAL PRIMARY KEY, session_id UUID NOT NULL, "
                    + "message JSONB NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT NOW())");
            s.execute("CREATE INDEX IF NOT EXISTS idx_" + table + "_session_id ON " + table + " (session_id)");
            // add_messages: INSERT ... (session_id, message) VALUES (%s, %s) with json.dumps(message_to_dict(m))
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                    + " (session_id, message) VALUES (CAST(? AS uuid), CAST(? AS jsonb))")) {
                for (String json : LangChainFixtures.PYTHON_MESSAGES) {
                    insert.setString(1, session);
                    insert.setString(2, json);
                    insert.executeUpdate();
                }
            }
        }
        try (JdbcChatMessageHistory history = JdbcChatMessageHistory.builder().url(TestServers.postgresJdbcUrl())
                .table(table).build()) {
            assertThat(history.messages(session)).isEqualTo(LangChainFixtures.EXPECTED);
            history.add(session, List.of(ChatMessage.user("from Java"), ChatMessage.ai("hello Python")));
            assertThat(history.messages(session)).hasSize(5);
            assertThatThrownBy(() -> history.add("not-a-uuid", ChatMessage.user("x")))
                    .isInstanceOf(ChatHistoryException.class)
                    .hasMessageContaining("session ids must be UUIDs");
        }
        // What langchain-postgres' get_messages runs: SELECT message ... WHERE session_id = %s ORDER BY id
        try (Connection c = DriverManager.getConnection(TestServers.postgresJdbcUrl());
             PreparedStatement select = c.prepareStatement("SELECT message FROM " + table
                     + " WHERE session_id = CAST(? AS uuid) ORDER BY id")) {
            select.setString(1, session);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            assertThat(rows).hasSize(5);
            LangChainFixtures.assertLangChainDict(rows.get(3), "human", "from Java");
            LangChainFixtures.assertLangChainDict(rows.get(4), "ai", "hello Python");
        }
    }

    @Test
    void worksThroughADataSourceWithAConnectionPerOperation() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(TestServers.postgresJdbcUrl());
        String session = UUID.randomUUID().toString();
        try (JdbcChatMessageHistory history = JdbcChatMessageHistory.of(dataSource)) {
            history.add(session, List.of(ChatMessage.user("via a pool"), ChatMessage.ai("ok")));
            assertThat(JdbcChatMessageHistory.of(dataSource).messages(session)).extracting(ChatMessage::text)
                    .containsExactly("via a pool", "ok");
            history.clear(session);
            assertThat(history.messages(session)).isEmpty();
        }
    }

    @Test
    void createsTheLangChainPostgresLayout() throws Exception {
        String table = "catena_chat_" + UUID.randomUUID().toString().replace("-", "");
        try (JdbcChatMessageHistory history = JdbcChatMessageHistory.builder().url(TestServers.postgresJdbcUrl())
                .table(table).build()) {
            history.add("s", ChatMessage.user("hello"));
        }
        try (Connection c = DriverManager.getConnection(TestServers.postgresJdbcUrl());
             PreparedStatement columns = c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns "
                     + "WHERE table_name = ? ORDER BY ordinal_position");
             PreparedStatement index = c.prepareStatement("SELECT indexname FROM pg_indexes WHERE tablename = ?")) {
            columns.setString(1, table);
            Map<String, String> types = new TreeMap<>();
            try (ResultSet rs = columns.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
            assertThat(types).containsEntry("id", "bigint").containsEntry("session_id", "text")
                    .containsEntry("message", "jsonb").containsEntry("created_at", "timestamp with time zone").hasSize(4);
            index.setString(1, table);
            List<String> indexes = new ArrayList<>();
            try (ResultSet rs = index.executeQuery()) {
                while (rs.next()) {
                    indexes.add(rs.getString(1));
                }
            }
            assertThat(indexes).contains("idx_" + table + "_session_id");
        }
    }
}
