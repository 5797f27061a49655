package dev.catena.agents.toolkits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.tools.ToolExecutionException;
import org.junit.jupiter.api.Test;

class ReadOnlyQueryTest {

    private static String check(String sql) {
        return ReadOnlyQuery.check("sql_query", sql);
    }

    @Test
    void oneSelectPassesWithItsTrailingSemicolonRemoved() {
        assertThat(check("  SELECT 1;  -- done\n")).isEqualTo("SELECT 1");
        assertThat(check("with t as (select 1 as x) select x from t")).isEqualTo("with t as (select 1 as x) select x from t");
        assertThat(check("(SELECT 1)")).isEqualTo("(SELECT 1)");
    }

    @Test
    void separatorsAndWordsInsideStringsQuotedNamesAndCommentsAreIgnored() {
        assertThat(check("SELECT 'a;b', 'it''s DROP' FROM t")).isEqualTo("SELECT 'a;b', 'it''s DROP' FROM t");
        assertThat(check("SELECT \"update\", \"x\"\"; y\" FROM t")).startsWith("SELECT");
        assertThat(check("SELECT 1 /* DELETE; */ -- INSERT ;\n FROM t")).startsWith("SELECT");
        assertThat(check("SELECT created, updated_at, deleted FROM t")).startsWith("SELECT");
    }

    @Test
    void everyOtherShapeIsRefusedWithTheReason() {
        assertThatThrownBy(() -> check("")).isInstanceOf(ToolExecutionException.class).hasMessageContaining("the query is empty");
        assertThatThrownBy(() -> check("-- only a comment")).hasMessageContaining("the query is empty");
        assertThatThrownBy(() -> check("SELECT 1; SELECT 2")).hasMessageContaining("only one statement is allowed");
        assertThatThrownBy(() -> check("SELECT 1;;(DELETE)")).hasMessageContaining("only one statement is allowed");
        assertThatThrownBy(() -> check("UPDATE t SET a = 1")).hasMessageContaining("not UPDATE");
        assertThatThrownBy(() -> check("SELECT * FROM t FOR UPDATE")).hasMessageContaining("'UPDATE' at position 21");
        assertThatThrownBy(() -> check("SELECT set_config('a', 'b', false); SET x = 1"))
                .hasMessageContaining("only one statement");
        assertThatThrownBy(() -> check("SELECT 'open")).hasMessageContaining("the string opened at position 8 is never closed");
        assertThatThrownBy(() -> check("SELECT \"open")).hasMessageContaining("the quoted name opened at position 8 is never closed");
        assertThatThrownBy(() -> check("SELECT 1 /* open")).hasMessageContaining("the comment opened at position 10 is never closed");
        assertThatThrownBy(() -> check("SELECT $$ ' $$; DELETE FROM t; -- '"))
                .hasMessageContaining("'$' at position 8 is not allowed");
        assertThatThrownBy(() -> check("SELECT load_extension('evil')")).hasMessageContaining("'LOAD_EXTENSION'");
        // Block comments do not nest here: what PostgreSQL would still read as comment is read as code and refused.
        assertThatThrownBy(() -> check("SELECT 1 /* /* */ DELETE */")).hasMessageContaining("'DELETE'");
    }
}
