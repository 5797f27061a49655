package dev.catena.agents.toolkits;

import dev.catena.core.tools.ToolExecutionException;
import java.util.Locale;
import java.util.Set;

/**
 * Checks that a model's SQL is one read-only query before it reaches the database: a small
 * tokenizer skips string literals ({@code '…'}), quoted identifiers ({@code "…"}) and comments
 * ({@code --} and {@code /* … *}{@code /}) to find statement separators and words. It must find
 * exactly one statement, starting with {@code SELECT} or {@code WITH}, and none of the words that
 * write or change the session ({@code INSERT}, {@code DELETE}, {@code DROP}, {@code PRAGMA},
 * {@code ATTACH}, {@code INTO}…) outside quotes.
 *
 * <p>Where dialects differ the tokenizer errs towards seeing more code than the database does (block
 * comments do not nest, backslashes do not escape, {@code $} is refused outside quotes rather than
 * read as PostgreSQL dollar quoting), so a refusal may be too strict but a write cannot hide in what
 * it took for a string. It is the first of two guards: the query then runs on a read-only connection
 * in a transaction that is rolled back.
 */
final class ReadOnlyQuery {

    private static final Set<String> FIRST_WORDS = Set.of("SELECT", "WITH");
    private static final Set<String> REFUSED_WORDS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "DROP",
            "CREATE", "ALTER", "TRUNCATE", "GRANT", "REVOKE", "ATTACH", "DETACH", "PRAGMA", "VACUUM", "REINDEX", "COPY",
            "CALL", "EXEC", "EXECUTE", "DO", "LOCK", "INTO", "SET", "RESET", "LOAD_EXTENSION");

    private ReadOnlyQuery() {
    }

    /** The query without a trailing {@code ;}, or a {@link ToolExecutionException} saying why it is refused. */
    static String check(String tool, String sql) {
        String first = null;
        int statements = 0;
        int end = -1;
        int i = 0;
        int n = sql.length();
        boolean inStatement = false;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? n : newline + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                if (close < 0) {
                    throw refused(tool, "the comment opened at position " + (i + 1) + " is never closed");
                }
                i = close + 2;
            } else if (c == '\'' || c == '"') {
                i = skipQuoted(tool, sql, i, c);
                inStatement = true;
            } else if (c == ';') {
                if (inStatement) {
                    statements++;
                    end = i;
                    inStatement = false;
                }
                i++;
            } else if (c == '$') {
                throw refused(tool, "'$' at position " + (i + 1) + " is not allowed (no parameters or dollar quoting); "
                        + "write strings as '…'");
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                String word = sql.substring(start, i).toUpperCase(Locale.ROOT);
                if (!inStatement && statements > 0) {
                    throw refused(tool, "only one statement is allowed, but another one starts after the ';' at position "
                            + (end + 1) + "; send one SELECT at a time");
                }
                if (first == null) {
                    first = word;
                    if (!FIRST_WORDS.contains(word)) {
                        throw refused(tool, "only read-only queries starting with SELECT or WITH are allowed, not "
                                + word);
                    }
                } else if (REFUSED_WORDS.contains(word)) {
                    throw refused(tool, "'" + word + "' at position " + (start + 1)
                            + " is not allowed in a read-only query (quote a column of that name as \"" 
                            + sql.substring(start, i) + "\")");
                }
                inStatement = true;
            } else {
                if (!inStatement && statements > 0) {
                    throw refused(tool, "only one statement is allowed, but another one starts after the ';' at position "
                            + (end + 1) + "; send one SELECT at a time");
                }
                inStatement = true;
                i++;
            }
        }
        if (first == null) {
            throw new ToolExecutionException(tool, "the query is empty; send one SELECT statement");
        }
        String query = statements > 0 ? sql.substring(0, end) : sql;
        return query.strip();
    }

    private static int skipQuoted(String tool, String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2; // a doubled quote stands for itself
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw refused(tool, "the " + (quote == '\'' ? "string" : "quoted name") + " opened at position " + (open + 1)
                + " is never closed");
    }

    private static ToolExecutionException refused(String tool, String reason) {
        return new ToolExecutionException(tool, "refused: " + reason);
    }
}
