package dev.catena.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.UserMessage;
import dev.catena.core.models.PromptValue;
import dev.catena.core.models.StringPromptValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void formatsTheSeedTemplates() {
        PromptTemplate english = PromptTemplate.fromTemplate("\nExplain the concept of {concept} in couple of lines\n");
        assertThat(english.format(Map.of("concept", "regularization")))
                .isEqualTo("\nExplain the concept of regularization in couple of lines\n");

        PromptTemplate chinese = PromptTemplate.fromTemplate("请给我解释一下{concept}的意思");
        assertThat(chinese.inputVariables()).containsExactly("concept");
        assertThat(chinese.format(Map.of("concept", "人工智能"))).isEqualTo("请给我解释一下人工智能的意思");
    }

    @Test
    void chineseVariableNamesWork() {
        PromptTemplate p = PromptTemplate.fromTemplate("{主题}：{问题}？");
        assertThat(p.inputVariables()).containsExactly("主题", "问题");
        assertThat(p.format(Map.of("主题", "数学", "问题", "一加一"))).isEqualTo("数学：一加一？");
    }

    @Test
    void doubledBracesAreLiteralBraces() {
        PromptTemplate p = PromptTemplate.fromTemplate("Return {{\"answer\": \"{answer}\"}} and }}{{");
        assertThat(p.inputVariables()).containsExactly("answer");
        assertThat(p.format(Map.of("answer", "42"))).isEqualTo("Return {\"answer\": \"42\"} and }{");
        assertThat(PromptTemplate.fromTemplate("{{foo}}").inputVariables()).isEmpty();
        assertThat(PromptTemplate.fromTemplate("{{foo}}").format()).isEqualTo("{foo}");
    }

    @Test
    void inputVariablesAreDeduplicatedAndSortedAsLangChainDoes() {
        PromptTemplate p = PromptTemplate.fromTemplate("{zeta} {alpha} {mid} {alpha} {Beta}");
        // Python's sorted(): code point order, so upper case before lower case.
        assertThat(p.inputVariables()).containsExactly("Beta", "alpha", "mid", "zeta");
        assertThat(p.format(Map.of("zeta", "z", "alpha", "a", "mid", "m", "Beta", "b"))).isEqualTo("z a m a b");
    }

    @Test
    void extraVariablesAreIgnored() {
        PromptTemplate p = PromptTemplate.fromTemplate("Hi {name}");
        assertThat(p.format(Map.of("name", "Ada", "unused", 1))).isEqualTo("Hi Ada");
    }

    @Test
    void missingVariablesFailAtFormatTimeNamingEveryOne() {
        PromptTemplate p = PromptTemplate.fromTemplate("{a} {b} {c}");
        assertThatThrownBy(() -> p.format(Map.of("b", 1)))
                .isInstanceOf(PromptFormatException.class)
                .hasMessageContaining("[a, c]")
                .satisfies(e -> assertThat(((PromptFormatException) e).missingVariables()).containsExactly("a", "c"));
    }

    @Test
    void valuesAreFormattedWithToStringAndNullsAllowed() {
        PromptTemplate p = PromptTemplate.fromTemplate("{n} {list} {none}");
        Map<String, Object> vars = new HashMap<>();
        vars.put("n", 3.5);
        vars.put("list", List.of(1, 2));
        vars.put("none", null);
        assertThat(p.format(vars)).isEqualTo("3.5 [1, 2] null");
    }

    @Test
    void badTemplatesFailWhenBuiltWithThePosition() {
        assertBad("Hello {name", 6, "unclosed '{'");
        assertBad("Hello name}", 10, "single '}'");
        assertBad("Hello {} there", 6, "empty variable name");
        assertBad("Hello {  } there", 6, "empty variable name");
        assertBad("{user.name}", 0, "attribute access");
        assertBad("{items[0]}", 0, "attribute access");
        assertBad("ab {0}", 3, "all digits");
        assertBad("x {a{b}", 4, "unexpected '{'");
        assertBad("{price!r}", 0, "conversion '!r'");
        assertBad("{price:.2q}", 0, "unknown format type 'q'");
    }

    private static void assertBad(String template, int position, String message) {
        assertThatThrownBy(() -> PromptTemplate.fromTemplate(template))
                .isInstanceOf(PromptFormatException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((PromptFormatException) e).position()).isEqualTo(position));
    }

    @Test
    void partialValuesLeaveTheInputVariables() {
        PromptTemplate p = PromptTemplate.fromTemplate("{greeting}, {name}!").partial("greeting", "Bonjour");
        assertThat(p.inputVariables()).containsExactly("name");
        assertThat(p.partialVariables()).containsExactly("greeting");
        assertThat(p.format(Map.of("name", "Ada"))).isEqualTo("Bonjour, Ada!");
        // a value given at format time wins over the partial, as in LangChain
        assertThat(p.format(Map.of("name", "Ada", "greeting", "Hi"))).isEqualTo("Hi, Ada!");
    }

    @Test
    void partialSuppliersAreCalledOncePerFormat() {
        AtomicInteger calls = new AtomicInteger();
        PromptTemplate p = PromptTemplate.fromTemplate("{date} and again {date}: {q}")
                .partial("date", () -> "day-" + calls.incrementAndGet());
        assertThat(p.format(Map.of("q", "?"))).isEqualTo("day-1 and again day-1: ?");
        assertThat(p.format(Map.of("q", "?"))).isEqualTo("day-2 and again day-2: ?");
        assertThat(p.inputVariables()).containsExactly("q");
    }

    @Test
    void invokeReturnsAPromptValueForTextAndChatModels() {
        PromptTemplate p = PromptTemplate.fromTemplate("Tell me about {topic}");
        PromptValue value = p.invoke(Map.of("topic", "cats"));
        assertThat(value).isEqualTo(new StringPromptValue("Tell me about cats"));
        assertThat(value.toText()).isEqualTo("Tell me about cats");
        assertThat(value.toMessages()).containsExactly(UserMessage.of("Tell me about cats"));
        assertThat(p.kind()).isEqualTo("prompt");
        assertThat(value.toMessages().get(0).role()).isEqualTo(ChatMessage.Role.USER);
    }

    @Test
    void mustacheVariablesSectionsAndJsonBraces() {
        PromptTemplate p = PromptTemplate.fromTemplate(
                "Reply as {\"name\": \"{{name}}\"} for {{user.city}}{{#tags}} #{{.}}{{/tags}}{{^tags}} (no tags){{/tags}}",
                TemplateFormat.MUSTACHE);
        assertThat(p.inputVariables()).containsExactly("name", "tags", "user");
        assertThat(p.format(Map.of("name", "Ada", "user", Map.of("city", "London"), "tags", List.of("math", "poetry"))))
                .isEqualTo("Reply as {\"name\": \"Ada\"} for London #math #poetry");
        assertThat(p.format(Map.of("name", "Ada", "user", Map.of(), "tags", List.of())))
                .isEqualTo("Reply as {\"name\": \"Ada\"} for  (no tags)");
    }

    @Test
    void mustacheEmptyListsAndMapsAreFalsyAndPrintAsNothing() {
        PromptTemplate p = PromptTemplate.fromTemplate("[{{items}}][{{#items}}x{{/items}}][{{^items}}none{{/items}}]"
                + "[{{meta}}][{{#meta}}m{{/meta}}][{{^meta}}no meta{{/meta}}]", TemplateFormat.MUSTACHE);
        assertThat(p.format(Map.of("items", List.of(), "meta", Map.of()))).isEqualTo("[][][none][][][no meta]");
        assertThat(p.format(Map.of("items", List.of(1), "meta", Map.of("k", 1)))).isEqualTo("[[1]][x][][{k=1}][m][]");
    }

    @Test
    void mustacheDoesNotHtmlEscapeAndDropsStandaloneLines() {
        PromptTemplate p = PromptTemplate.fromTemplate("Code: {{code}}\n{{#items}}\n- {{name}}\n{{/items}}\nEnd {{! a comment }}",
                TemplateFormat.MUSTACHE);
        String out = p.format(Map.of("code", "a < b && c", "items", List.of(Map.of("name", "x"), Map.of("name", "y"))));
        assertThat(out).isEqualTo("Code: a < b && c\n- x\n- y\nEnd ");
    }

    @Test
    void mustacheRecordsAndMissingVariables() {
        record City(String name) {
        }
        PromptTemplate p = PromptTemplate.fromTemplate("{{#city}}{{name}}{{/city}}-{{city.name}}-{{city.missing}}.",
                TemplateFormat.MUSTACHE);
        assertThat(p.format(Map.of("city", new City("Paris")))).isEqualTo("Paris-Paris-.");
        assertThatThrownBy(() -> p.format(Map.of())).isInstanceOf(PromptFormatException.class).hasMessageContaining("[city]");
    }

    @Test
    void badMustacheTemplatesFailWhenBuilt() {
        assertThatThrownBy(() -> PromptTemplate.fromTemplate("a {{#x}} b", TemplateFormat.MUSTACHE))
                .isInstanceOf(PromptFormatException.class).hasMessageContaining("never closed")
                .satisfies(e -> assertThat(((PromptFormatException) e).position()).isEqualTo(2));
        assertThatThrownBy(() -> PromptTemplate.fromTemplate("{{#x}}{{/y}}", TemplateFormat.MUSTACHE))
                .isInstanceOf(PromptFormatException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> PromptTemplate.fromTemplate("hi {{name", TemplateFormat.MUSTACHE))
                .isInstanceOf(PromptFormatException.class).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> PromptTemplate.fromTemplate("{{> header}}", TemplateFormat.MUSTACHE))
                .isInstanceOf(PromptFormatException.class).hasMessageContaining("partials");
    }

    @Test
    void templatesWithDifferentFunctionPartialsAreNotEqual() {
        java.util.function.Supplier<Object> today = () -> "2024-01-01";
        java.util.function.Supplier<Object> tomorrow = () -> "2024-01-02";
        PromptTemplate base = PromptTemplate.fromTemplate("Today is {date}. {question}");
        assertThat(base.partial("date", today)).isEqualTo(base.partial("date", today));
        assertThat(base.partial("date", today)).isNotEqualTo(base.partial("date", tomorrow));
        assertThat(base.partial("date", "2024-01-01")).isEqualTo(base.partial("date", "2024-01-01"));
    }

    @Test
    void aSupplierInAMapOfPartialsIsCalledAtFormatTime() {
        AtomicInteger calls = new AtomicInteger();
        java.util.function.Supplier<Object> counter = () -> "call " + calls.incrementAndGet();
        PromptTemplate p = PromptTemplate.fromTemplate("{n}: {q}").partial(Map.of("n", counter));
        assertThat(p.format(Map.of("q", "a"))).isEqualTo("call 1: a");
        assertThat(p.format(Map.of("q", "b"))).isEqualTo("call 2: b");
    }
}
