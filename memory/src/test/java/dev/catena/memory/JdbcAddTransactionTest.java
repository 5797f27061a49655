package dev.catena.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.messages.ChatMessage;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** One add is one transaction, also when the driver fails with an {@link Error} half-way. */
class JdbcAddTransactionTest {

    @TempDir
    Path dir;

    @Test
    void anAddInterruptedByAnErrorAfterItsInsertsLeavesNoRows() {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + dir.resolve("chats.db"));
        try (JdbcChatMessageHistory history = JdbcChatMessageHistory.of(sqlite)) {
            history.add("s", ChatMessage.user("before"));
        }
        // The batch reaches the database, then the driver throws an Error before the commit.
        DataSource failing = dataSource(sqlite);
        try (JdbcChatMessageHistory history = JdbcChatMessageHistory.of(failing)) {
            assertThatThrownBy(() -> history.add("s", List.of(ChatMessage.user("one"), ChatMessage.ai("two"))))
                    .isInstanceOf(StackOverflowError.class);
        }
        try (JdbcChatMessageHistory history = JdbcChatMessageHistory.of(sqlite)) {
            assertThat(history.messages("s")).containsExactly(ChatMessage.user("before"));
        }
    }

    private static DataSource dataSource(SQLiteDataSource real) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    return method.getName().equals("getConnection") ? connection((Connection) result) : result;
                });
    }

    private static Connection connection(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (method.getName().equals("prepareStatement") && ((String) args[0]).startsWith("INSERT")) {
                        return statement((PreparedStatement) result);
                    }
                    return result;
                });
    }

    private static PreparedStatement statement(PreparedStatement real) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(real, method, args);
            if (method.getName().equals("executeBatch")) {
                throw new StackOverflowError("simulated driver failure after the batch ran");
            }
            return result;
        };
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
