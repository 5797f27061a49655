package dev.catena.agents.toolkits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.tools.Tool;
import dev.catena.core.tools.ToolExecutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlToolkitTest {

    /** The same refusals and answers on each database. */
    abstract static class Contract {

        String url;
        String table;
        Map<String, Tool> tools;

        abstract String createUrl() throws Exception;

        @BeforeEach
        void database() throws Exception {
            url = createUrl();
            table = "people_" + UUID.randomUUID().toString().substring(0, 8);
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, city VARCHAR(50))");
                for (int i = 1; i <= 5; i++) {
                    s.execute("INSERT INTO " + table + " VALUES (" + i + ", 'person " + i + "', "
                            + (i % 2 == 0 ? "'Lyon'" : "NULL") + ")");
                }
            }
            tools = SqlToolkit.builder(url).maxRows(3).build().tools().stream()
                    .collect(Collectors.toMap(t -> t.spec().name(), t -> t));
        }

        String query(String sql) {
            return tools.get("sql_query").execute("{\"query\": " + json(sql) + "}");
        }

        static String json(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }

        int rowCount() throws SQLException {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                r.next();
                return r.getInt(1);
            }
        }

        @Test
        void aSelectReturnsACompactTable() {
            assertThat(query("SELECT id, name, city FROM " + table + " WHERE id IN (1, 2) ORDER BY id"))
                    .isEqualTo("id | name | city\n1 | person 1 | NULL\n2 | person 2 | Lyon\n(2 rows)");
            assertThat(query("WITH t AS (SELECT COUNT(*) AS n FROM " + table + ") SELECT n FROM t;"))
                    .isEqualTo("n\n5\n(1 row)");
            assertThat(query("SELECT name FROM " + table + " WHERE name = 'it''s; DELETE FROM x' -- ; DROP TABLE x"))
                    .isEqualTo("name\n(0 rows)");
        }

        @Test
        void theRowLimitApplies() {
            assertThat(query("SELECT id FROM " + table + " ORDER BY id"))
                    .isEqualTo("id\n1\n2\n3\n(3 rows; more rows exist beyond the limit of 3: add a WHERE clause, "
                            + "an aggregate or ORDER BY … LIMIT)");
        }

        @Test
        void dropIsRefused() throws SQLException {
            assertThatThrownBy(() -> query("DROP TABLE " + table))
                    .isInstanceOf(ToolExecutionException.class)
                    .hasMessage("tool 'sql_query' failed: refused: only read-only queries starting with SELECT or WITH "
                            + "are allowed, not DROP");
            assertThat(rowCount()).isEqualTo(5);
        }

        @Test
        void insertIsRefused() throws SQLException {
            assertThatThrownBy(() -> query("INSERT INTO " + table + " VALUES (9, 'x', 'y')"))
                    .hasMessageContaining("refused: only read-only queries starting with SELECT or WITH are allowed, not INSERT");
            assertThatThrownBy(() -> query("SELECT * INTO copy_of FROM " + table))
                    .hasMessageContaining("refused: 'INTO' at position 10 is not allowed in a read-only query");
            assertThat(rowCount()).isEqualTo(5);
        }

        @Test
        void aSecondStatementIsRefused() throws SQLException {
            assertThatThrownBy(() -> query("SELECT 1; DELETE FROM " + table))
                    .hasMessageContaining("refused: only one statement is allowed, but another one starts after the ';' at position 9");
            assertThatThrownBy(() -> query("SELECT 1 /* ; */; SELECT 2"))
                    .hasMessageContaining("only one statement is allowed");
            assertThat(rowCount()).isEqualTo(5);
        }

        @Test
        void aWriteHiddenInACommonTableExpressionIsRefused() throws SQLException {
            assertThatThrownBy(() -> query("WITH gone AS (DELETE FROM " + table + " RETURNING *) SELECT * FROM gone"))
                    .hasMessageContaining("refused: 'DELETE' at position 15 is not allowed in a read-only query");
            assertThat(rowCount()).isEqualTo(5);
        }

        @Test
        void pragmaAndAttachAreRefused(@TempDir Path dir) {
            assertThatThrownBy(() -> query("PRAGMA writable_schema=1"))
                    .hasMessageContaining("refused: only read-only queries starting with SELECT or WITH are allowed, not PRAGMA");
            String other = dir.resolve("other.db").toString();
            assertThatThrownBy(() -> query("ATTACH DATABASE '" + other + "' AS other"))
                    .hasMessageContaining("not ATTACH");
            assertThat(Files.exists(Path.of(other))).isFalse();
        }

        @Test
        void theDatabasesErrorIsPassedOnForTheModelToFix() {
            assertThatThrownBy(() -> query("SELECT nope FROM " + table))
                    .isInstanceOf(ToolExecutionException.class)
                    .hasMessageContaining("the database refused:")
                    .hasMessageContaining("nope");
        }

        @Test
        void listsAndDescribesTables() {
            assertThat(tools.get("sql_list_tables").execute("{}")).contains(table);
            String described = tools.get("sql_describe_table").execute("{\"table\": \"" + table + "\"}");
            assertThat(described.lines().toList()).hasSize(3);
            assertThat(described.lines().toList().get(0)).startsWith("id ").endsWith(" PRIMARY KEY");
            assertThat(described.lines().toList().get(1)).startsWith("name ").endsWith(" NOT NULL");
            assertThat(described.lines().toList().get(2)).startsWith("city ").doesNotContain("NOT NULL");
            assertThatThrownBy(() -> tools.get("sql_describe_table").execute("{\"table\": \"missing\"}"))
                    .hasMessageContaining("there is no table 'missing'; the tables are: ")
                    .hasMessageContaining(table);
        }
    }

    @Nested
    class OnSqlite extends Contract {
        @TempDir
        Path dir;

        @Override
        String createUrl() {
            return "jdbc:sqlite:" + dir.resolve("test.db");
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        String createUrl() {
            return EmbeddedPostgres.jdbcUrl();
        }

        @Test
        void theConnectionIsReadOnlyWhenAWritePassesTheTokenizer() throws SQLException {
            // nextval writes to a sequence from inside a SELECT: the read-only transaction is the guard that stops it.
            String sequence = table + "_seq";
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE SEQUENCE " + sequence);
            }
            assertThatThrownBy(() -> query("SELECT nextval('" + sequence + "')"))
                    .isInstanceOf(ToolExecutionException.class)
                    .hasMessageContaining("the database refused:")
                    .hasMessageContaining("read-only transaction");
        }
    }
}
