package dev.catena.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.messages.ChatMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJdbcChatMessageHistoryTest extends ChatMessageHistoryContract {

    @TempDir
    Path dir;

    String url() {
        return "jdbc:sqlite:" + dir.resolve("chats.db");
    }

    @Override
    ChatMessageHistory create() {
        return JdbcChatMessageHistory.of(url());
    }

    @Override
    void appendStored(String sessionId, String stored) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url());
             java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO message_store (session_id, message) VALUES (?, ?)")) {
            insert.setString(1, sessionId);
            insert.setString(2, stored);
            insert.executeUpdate();
        }
    }

    @Test
    void readsATableWrittenByLangChainsSqlChatMessageHistory() throws Exception {
        // langchain_community SQLChatMessageHistory (SQLAlchemy): message_store(id, session_id, message)
        // holding json.dumps(message_to_dict(m)), which escapes non-ASCII and puts spaces after separators.
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE message_store (id INTEGER NOT NULL, session_id TEXT, message TEXT, PRIMARY KEY (id))");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO message_store (session_id, message) VALUES (?, ?)")) {
                for (String json : LangChainFixtures.PYTHON_MESSAGES) {
                    insert.setString(1, "py-session");
                    insert.setString(2, json);
                    insert.executeUpdate();
                }
            }
        }
        try (JdbcChatMessageHistory history = JdbcChatMessageHistory.of(url())) {
            assertThat(history.messages("py-session")).isEqualTo(LangChainFixtures.EXPECTED);
            history.add("py-session", ChatMessage.user("from Java"));
        }
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT message FROM message_store WHERE session_id = 'py-session' ORDER BY id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            assertThat(rows).hasSize(4);
            LangChainFixtures.assertLangChainDict(rows.get(3), "human", "from Java");
        }
    }

    @Test
    void createsLangChainsTableLayout() throws Exception {
        try (JdbcChatMessageHistory history = JdbcChatMessageHistory.of(url())) {
            history.add("s", ChatMessage.user("hello"));
        }
        try (Connection c = DriverManager.getConnection(url())) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, null, "message_store", null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME"));
                }
            }
            assertThat(columns).containsExactly("id", "session_id", "message", "created_at");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT session_id, message FROM message_store")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("s");
                LangChainFixtures.assertLangChainDict(rs.getString(2), "human", "hello");
            }
        }
    }
}
