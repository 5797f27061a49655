package dev.catena.agents.toolkits;

import dev.catena.core.tools.Tool;
import dev.catena.core.tools.ToolExecutionException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Tools to look at and query a database over JDBC: {@code sql_list_tables}, {@code sql_describe_table}
 * and {@code sql_query}. Works with any JDBC driver (tested on SQLite and PostgreSQL); the toolkit
 * itself needs only {@code java.sql}.
 *
 * <p>Read-only, in three layers: the query must be exactly one statement starting with {@code SELECT}
 * or {@code WITH}, with no writing or session-changing word outside quotes ({@code INSERT},
 * {@code DELETE}, {@code DROP}, {@code PRAGMA}, {@code ATTACH}, {@code INTO}, …); it runs on a
 * connection set read-only (on SQLite, whose driver cannot switch an open connection,
 * {@code PRAGMA query_only} does the same); and it runs in a transaction that is always rolled back.
 * Results stop at a row limit and queries at a timeout. Still, give the toolkit a database user
 * that may only read the tables the model should see: that is the guard the database itself keeps.
 *
 * <p>Refused and failing queries throw {@link ToolExecutionException} with the reason (the
 * database's own error message for a failing query), so the model can correct the SQL; an empty
 * result is an answer, not an error.
 */
public final class SqlToolkit implements Toolkit {

    private static final int MAX_CELL_CHARS = 200;

    /** Opens a connection (a {@link DataSource} or the {@link DriverManager}). */
    private interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource connections;
    private final int maxRows;
    private final Duration queryTimeout;

    private SqlToolkit(Builder builder) {
        this.connections = builder.connections;
        this.maxRows = builder.maxRows;
        this.queryTimeout = builder.queryTimeout;
    }

    /**
     * A builder for a toolkit that takes its connections from {@code dataSource}.
     *
     * @param dataSource gives a connection for each query; not null
     * @return a builder
     */
    public static Builder builder(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new Builder(dataSource::getConnection);
    }

    /**
     * A builder for a toolkit that connects to {@code jdbcUrl} (user and password in the URL if needed).
     *
     * @param jdbcUrl the database's JDBC URL; not null
     * @return a builder
     */
    public static Builder builder(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        return new Builder(() -> DriverManager.getConnection(jdbcUrl));
    }

    @Override
    public List<Tool> tools() {
        return List.of(
                new ToolkitTool("sql_list_tables", "Lists the tables and views of the database.",
                        "{\"type\": \"object\", \"properties\": {}, \"additionalProperties\": false}",
                        args -> withConnection(args.tool(), this::listTables)),
                new ToolkitTool("sql_describe_table", "Shows the columns of a table: name, type, NOT NULL, PRIMARY KEY.",
                        """
                        {"type": "object",
                         "properties": {"table": {"type": "string", "description": "the table name as sql_list_tables shows it"}},
                         "required": ["table"],
                         "additionalProperties": false}""",
                        args -> {
                            String table = args.string("table");
                            return withConnection(args.tool(), c -> describe(args.tool(), c, table));
                        }),
                new ToolkitTool("sql_query", "Runs one read-only SQL query (SELECT or WITH) and returns the rows as a "
                        + "table (a header line, then one line per row, cells between |), at most " + maxRows + " rows.", """
                        {"type": "object",
                         "properties": {"query": {"type": "string", "description": "one SELECT statement"}},
                         "required": ["query"],
                         "additionalProperties": false}""",
                        args -> {
                            String query = ReadOnlyQuery.check(args.tool(), args.string("query"));
                            return withConnection(args.tool(), c -> query(c, query));
                        }));
    }

    /** Work done on a connection. */
    private interface Work {
        String run(Connection connection) throws SQLException;
    }

    private String withConnection(String tool, Work work) {
        try (Connection connection = connections.open()) {
            boolean sqlite = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("sqlite");
            boolean autoCommit = connection.getAutoCommit();
            if (sqlite) {
                // sqlite-jdbc cannot make an open connection read-only; query_only is SQLite's own switch.
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA query_only = true");
                }
            } else {
                connection.setReadOnly(true);
            }
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
                if (sqlite) {
                    try (Statement s = connection.createStatement()) {
                        s.execute("PRAGMA query_only = false");
                    }
                } else {
                    connection.setReadOnly(false);
                }
            }
        } catch (SQLTimeoutException e) {
            throw new ToolExecutionException(tool, "the query ran longer than " + queryTimeout.toSeconds()
                    + " seconds and was stopped; narrow it (a WHERE clause, fewer joins)", e);
        } catch (SQLException e) {
            throw new ToolExecutionException(tool, "the database refused: " + e.getMessage(), e);
        }
    }

    private String listTables(Connection connection) throws SQLException {
        List<String> names = tableNames(connection);
        return names.isEmpty() ? "(the database has no tables)" : String.join("\n", names);
    }

    private static List<String> tableNames(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
            while (tables.next()) {
                String schema = tables.getString("TABLE_SCHEM");
                String name = tables.getString("TABLE_NAME");
                names.add(schema == null || schema.isEmpty() ? name : schema + "." + name);
            }
        }
        return names;
    }

    private String describe(String tool, Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        int dot = table.lastIndexOf('.');
        String schema = dot < 0 ? null : pattern(meta, table.substring(0, dot));
        String name = dot < 0 ? table : table.substring(dot + 1);
        List<String> names = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try (ResultSet columns = meta.getColumns(null, schema, pattern(meta, name), "%")) {
            while (columns.next()) {
                names.add(columns.getString("COLUMN_NAME"));
                StringBuilder line = new StringBuilder(names.get(names.size() - 1)).append(' ')
                        .append(columns.getString("TYPE_NAME"));
                if (columns.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls) {
                    line.append(" NOT NULL");
                }
                lines.add(line.toString());
            }
        }
        if (lines.isEmpty()) {
            throw new ToolExecutionException(tool, "there is no table '" + table + "'; the tables are: "
                    + String.join(", ", tableNames(connection)));
        }
        Set<String> keys = new LinkedHashSet<>();
        try (ResultSet pk = meta.getPrimaryKeys(null, dot < 0 ? null : table.substring(0, dot), name)) {
            while (pk.next()) {
                keys.add(pk.getString("COLUMN_NAME"));
            }
        }
        for (int i = 0; i < names.size(); i++) {
            if (keys.contains(names.get(i))) {
                lines.set(i, lines.get(i) + " PRIMARY KEY");
            }
        }
        return String.join("\n", lines);
    }

    /** A name as a metadata search pattern that matches only itself. */
    private static String pattern(DatabaseMetaData meta, String name) throws SQLException {
        String escape = meta.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("%", escape + "%").replace("_", escape + "_");
    }

    private String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, queryTimeout.toSeconds()));
            statement.setMaxRows(maxRows + 1);
            if (!statement.execute(sql)) {
                return "(the statement returned no rows)";
            }
            try (ResultSet rows = statement.getResultSet()) {
                ResultSetMetaData meta = rows.getMetaData();
                int width = meta.getColumnCount();
                List<String> header = new ArrayList<>();
                for (int c = 1; c <= width; c++) {
                    header.add(meta.getColumnLabel(c));
                }
                List<List<String>> table = new ArrayList<>();
                boolean more = false;
                while (rows.next()) {
                    if (table.size() == maxRows) {
                        more = true;
                        break;
                    }
                    List<String> row = new ArrayList<>(width);
                    for (int c = 1; c <= width; c++) {
                        row.add(cell(rows.getString(c)));
                    }
                    table.add(row);
                }
                StringBuilder out = new StringBuilder(String.join(" | ", header));
                for (List<String> row : table) {
                    out.append('\n').append(String.join(" | ", row));
                }
                return out + "\n(" + table.size() + (table.size() == 1 ? " row" : " rows")
                        + (more ? "; more rows exist beyond the limit of " + maxRows
                        + ": add a WHERE clause, an aggregate or ORDER BY … LIMIT)" : ")");
            }
        }
    }

    private static String cell(String value) {
        if (value == null) {
            return "NULL";
        }
        String flat = value.replace("\r", " ").replace("\n", " ");
        return flat.length() <= MAX_CELL_CHARS ? flat : flat.substring(0, MAX_CELL_CHARS) + "…";
    }

    /** Settings of a {@link SqlToolkit}. */
    public static final class Builder {
        private final ConnectionSource connections;
        private int maxRows = 100;
        private Duration queryTimeout = Duration.ofSeconds(10);

        private Builder(ConnectionSource connections) {
            this.connections = connections;
        }

        /**
         * The most rows {@code sql_query} returns; 100 by default.
         *
         * @param value the row limit, positive
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is not positive
         */
        public Builder maxRows(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("maxRows must be positive, got " + value);
            }
            this.maxRows = value;
            return this;
        }

        /**
         * How long a query may run before the driver cancels it (whole seconds, at least one); 10 s by default.
         *
         * @param value the time limit, at least one second
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is null, zero or negative
         */
        public Builder queryTimeout(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("queryTimeout must be positive, got " + value);
            }
            this.queryTimeout = value;
            return this;
        }

        /**
         * The toolkit.
         *
         * @return a toolkit with these settings
         */
        public SqlToolkit build() {
            return new SqlToolkit(this);
        }
    }
}
