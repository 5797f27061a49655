package dev.catena.examples;

import dev.catena.agents.AgentExecutor;
import dev.catena.agents.AgentResult;
import dev.catena.agents.AgentStep;
import dev.catena.agents.ToolCallingAgent;
import dev.catena.agents.toolkits.SqlToolkit;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.tools.Tool;
import dev.catena.models.FakeChatModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A tool-calling agent answering questions over a SQL database with the {@link SqlToolkit}: the
 * example creates a small SQLite shop database in a temporary folder, and the agent lists the
 * tables, describes one, runs a SELECT and answers. A second question shows the guard: the model
 * tries a {@code DELETE}, the toolkit refuses it (its tools only read), and the model answers with
 * that. The model is scripted ({@link FakeChatModel}, offline); the database and the tools' results
 * are real.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.SqlAgentExample
 * }</pre>
 */
public final class SqlAgentExample {

    private SqlAgentExample() {
    }

    /**
     * Creates the database, asks the agent two questions and prints its steps and answers.
     *
     * @param args not used
     * @throws Exception if the temporary database cannot be created
     */
    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("catena-sql-agent");
        Path database = folder.resolve("shop.db");
        String jdbcUrl = "jdbc:sqlite:" + database;
        try {
            createShop(jdbcUrl);
            List<Tool> tools = SqlToolkit.builder(jdbcUrl).maxRows(20).build().tools();
            System.out.println("model: scripted FakeChatModel (offline); database: SQLite in a temporary folder");

            FakeChatModel analyst = FakeChatModel.ofMessages(
                    AiMessage.ofToolCalls(List.of(new ToolCall("call_1", "sql_list_tables", "{}"))),
                    AiMessage.ofToolCalls(List.of(new ToolCall("call_2", "sql_describe_table", "{\"table\":\"orders\"}"))),
                    AiMessage.ofToolCalls(List.of(new ToolCall("call_3", "sql_query",
                            "{\"query\":\"SELECT c.name, SUM(o.total) AS spent FROM orders o JOIN customers c"
                                    + " ON c.id = o.customer_id GROUP BY c.name ORDER BY spent DESC LIMIT 1\"}"))),
                    AiMessage.of("Ada spent the most: 155.5 in total."));
            ask(analyst, tools, "Which customer spent the most, and how much?");

            FakeChatModel vandal = FakeChatModel.ofMessages(
                    AiMessage.ofToolCalls(List.of(new ToolCall("call_4", "sql_query", "{\"query\":\"DELETE FROM orders\"}"))),
                    AiMessage.of("I cannot delete orders: the database tools only read."));
            ask(vandal, tools, "Delete all the orders.");

            System.out.println("orders left: " + countOrders(jdbcUrl));
        } finally {
            Files.deleteIfExists(database);
            Files.deleteIfExists(folder);
        }
    }

    private static void ask(FakeChatModel model, List<Tool> tools, String question) {
        AgentExecutor.Builder builder = AgentExecutor.builder(new ToolCallingAgent(model,
                        "Answer questions about the shop database. Look at the tables before you query them."))
                .maxIterations(6)
                .returnIntermediateSteps(true);
        tools.forEach(builder::tool);
        AgentResult result = builder.build().run(question);
        System.out.println();
        System.out.println("question: " + question);
        for (AgentStep step : result.intermediateSteps()) {
            System.out.println("action: " + step.action().tool() + " " + step.action().arguments());
            System.out.println("observation: " + step.observation());
        }
        System.out.println("answer: " + result.output());
    }

    private static void createShop(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT)");
            s.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id),"
                    + " total REAL NOT NULL, placed TEXT NOT NULL)");
            s.execute("INSERT INTO customers VALUES (1, 'Ada', 'London'), (2, 'Linus', 'Helsinki'), (3, 'Grace', 'New York')");
            s.execute("INSERT INTO orders VALUES (1, 1, 120.0, '2026-01-05'), (2, 2, 40.0, '2026-01-09'),"
                    + " (3, 1, 35.5, '2026-02-01'), (4, 3, 99.9, '2026-02-14')");
        }
    }

    private static long countOrders(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement s = connection.createStatement();
                var rows = s.executeQuery("SELECT COUNT(*) FROM orders")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
