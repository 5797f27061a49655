package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlAgentExampleTest {

    @Test
    void listsDescribesQueriesAnswersAndRefusesTheDelete() throws Exception {
        List<String> lines = ExampleRun.lines(() -> SqlAgentExample.main(new String[0]));

        assertThat(lines).containsExactly(
                "model: scripted FakeChatModel (offline); database: SQLite in a temporary folder",
                "",
                "question: Which customer spent the most, and how much?",
                "action: sql_list_tables {}",
                "observation: customers",
                "orders",
                "action: sql_describe_table {\"table\":\"orders\"}",
                "observation: id INTEGER PRIMARY KEY",
                "customer_id INTEGER NOT NULL",
                "total REAL NOT NULL",
                "placed TEXT NOT NULL",
                "action: sql_query {\"query\":\"SELECT c.name, SUM(o.total) AS spent FROM orders o JOIN customers c"
                        + " ON c.id = o.customer_id GROUP BY c.name ORDER BY spent DESC LIMIT 1\"}",
                "observation: name | spent",
                "Ada | 155.5",
                "(1 row)",
                "answer: Ada spent the most: 155.5 in total.",
                "",
                "question: Delete all the orders.",
                "action: sql_query {\"query\":\"DELETE FROM orders\"}",
                "observation: tool 'sql_query' failed: refused: only read-only queries starting with SELECT or WITH"
                        + " are allowed, not DELETE",
                "answer: I cannot delete orders: the database tools only read.",
                "orders left: 4");
    }
}
