package dev.catena.traceviewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracePageTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    static JsonNode embedded(String html, String id) throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"" + id + "\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("the page embeds %s", id).isTrue();
        return MAPPER.readTree(m.group(1));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void runsComeInTreeOrderWithDepthWaterfallAndRolledUpCost() throws Exception {
        Path trace = SampleTraces.write(dir.resolve("runs.jsonl"), true);
        JsonNode data = embedded(TracePage.html(trace), "trace-data");

        List<String> rows = new ArrayList<>();
        data.get("runs").forEach(r -> rows.add(r.get("depth").asInt() + " " + r.get("kind").asText() + " " + r.get("name").asText()));
        assertThat(rows).containsExactly(
                "0 chain Sequence", "1 retriever docs", "1 function prompt", "1 chat_model ScriptedChat", "0 tool weather");

        JsonNode root = data.get("runs").get(0);
        JsonNode model = data.get("runs").get(3);
        assertThat(root.get("rolled").get("total_tokens").asLong()).isEqualTo(1500);
        assertThat(root.get("usage").isNull()).as("the chain itself reported nothing").isTrue();
        assertThat(model.get("cost").asDouble()).isCloseTo((1200 * 2.0 + 300 * 8.0) / 1e6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(root.get("rolled").get("cost").asDouble()).isEqualTo(model.get("cost").asDouble());
        assertThat(model.get("offset_ms").asDouble()).isBetween(0.0, root.get("duration_ms").asDouble());
        assertThat(model.get("root_ms").asDouble()).isEqualTo(root.get("duration_ms").asDouble());
        assertThat(data.get("kinds")).extracting(JsonNode::asText)
                .containsExactly("chain", "chat_model", "function", "retriever", "tool");
        assertThat(data.get("totals").get("runs").asInt()).isEqualTo(5);
        assertThat(data.get("totals").get("cost").isNumber()).isTrue();

        JsonNode tool = data.get("runs").get(4);
        assertThat(tool.get("error").get("type").asText()).endsWith("ToolExecutionException");
        assertThat(tool.get("inputs").asText()).isEqualTo("{\"city\":\"Atlantis\"}");
        assertThat(data.get("runs").get(1).get("outputs").get(0).get("metadata").get("score").asDouble()).isEqualTo(0.91);
    }

    @Test
    void tokensWithoutAPriceMakeTheCostUnknownNotZero() throws Exception {
        Path trace = SampleTraces.write(dir.resolve("runs.jsonl"), false);
        JsonNode data = embedded(TracePage.html(trace), "trace-data");

        assertThat(data.get("runs").get(3).get("cost").isNull()).isTrue();
        assertThat(data.get("runs").get(0).get("rolled").get("cost").isNull()).isTrue();
        assertThat(data.get("totals").get("cost").isNull()).isTrue();
        assertThat(data.get("totals").get("total_tokens").asLong()).isEqualTo(1500);
        assertThat(data.get("runs").get(1).get("rolled").get("cost").asDouble())
                .as("a retriever that used no tokens costs nothing, known").isZero();
    }

    @Test
    void hostileContentIsEscapedDataNeverMarkup() throws Exception {
        Path trace = SampleTraces.write(dir.resolve("<img src=x onerror=alert(1)>.jsonl"), true);
        String html = TracePage.html(trace);

        // Only the page's own three script elements exist; the trace's markup cannot open or close one.
        assertThat(count(html, "<script")).isEqualTo(3);
        assertThat(count(html, "</script")).isEqualTo(3);
        assertThat(html).doesNotContain("window.__owned = true;</script>", "onerror=\"", "<img");
        assertThat(html).contains("<title>Catena trace: &lt;img src=x onerror=alert(1)&gt;.jsonl</title>");

        JsonNode data = embedded(html, "trace-data");
        assertThat(data.get("runs").get(3).get("outputs").get("content").asText()).startsWith(SampleTraces.HOSTILE);
        assertThat(data.get("runs").get(4).get("error").get("message").asText()).contains("</script><script>");
        assertThat(embedded(html, "trace-config").get("title").asText()).isEqualTo("<img src=x onerror=alert(1)>.jsonl");
        // The page's script writes values with textContent only, never as markup.
        assertThat(html).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
    }

    @Test
    void embeddedJsonHasNoCharacterThatHtmlOrScriptReadsAsCode() throws Exception {
        String text = "</script><!-- & \u2028 \u2029 end";
        String json = TracePage.scriptJson(com.fasterxml.jackson.databind.node.TextNode.valueOf(text));
        assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\u2029").containsIgnoringCase("\\u003c/script\\u003e");
        assertThat(MAPPER.readTree(json).asText()).isEqualTo(text);
    }

    @Test
    void thePageLoadsNothingFromTheNetwork() throws Exception {
        String html = TracePage.html(SampleTraces.write(dir.resolve("runs.jsonl"), true))
                .replaceAll("(?s)<script type=\"application/json\" id=\"trace-data\">.*?</script>", "");
        assertThat(html).doesNotContain("http:", "https:", "<link", " src=");
        assertThat(html).contains("Content-Security-Policy", "default-src 'none'");
    }

    @Test
    void writeWritesOnePageFileAndTheCommandDefaultsItNextToTheTrace() throws Exception {
        Path trace = SampleTraces.write(dir.resolve("runs.jsonl"), true);
        TraceViewer.main(new String[] {trace.toString()});
        String html = Files.readString(dir.resolve("runs.html"), StandardCharsets.UTF_8);
        assertThat(embedded(html, "trace-data").get("runs")).hasSize(5);

        Path out = dir.resolve("elsewhere.html");
        TraceViewer.main(new String[] {trace.toString(), "--out", out.toString()});
        assertThat(out).exists();
        assertThatThrownBy(() -> TraceViewer.main(new String[] {trace.toString(), "--serve", "eighty"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--serve takes a port number");
        assertThatThrownBy(() -> TraceViewer.main(new String[] {trace.toString(), "--colour"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--colour needs a value");
    }

    @Test
    void aLineStillBeingWrittenWaitsAndADamagedLineIsNamed() throws Exception {
        Path trace = SampleTraces.write(dir.resolve("runs.jsonl"), true);
        Files.writeString(trace, "{\"run_id\":\"half", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertThat(embedded(TracePage.html(trace), "trace-data").get("runs")).hasSize(5);

        Path damaged = dir.resolve("damaged.jsonl");
        Files.writeString(damaged, Files.readAllLines(trace).get(0) + "\nnot json\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TracePage.html(damaged)).isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("damaged.jsonl line 2 is not JSON");
        Files.writeString(damaged, "{\"name\":\"x\"}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TracePage.html(damaged)).isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("line 1 is not a run");
        assertThatThrownBy(() -> TracePage.html(dir.resolve("missing.jsonl"))).isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("no trace file or folder");
    }

    @Test
    void aFolderShowsTheRunsOfEveryTraceFileInIt() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("traces"));
        SampleTraces.write(folder.resolve("a.jsonl"), true);
        SampleTraces.write(folder.resolve("b.jsonl"), false);
        Files.writeString(folder.resolve("notes.txt"), "not a trace");
        JsonNode data = embedded(TracePage.html(folder), "trace-data");
        assertThat(data.get("runs")).hasSize(10);
        assertThat(data.get("totals").get("roots").asInt()).isEqualTo(4);
        assertThat(data.get("totals").get("cost").isNull()).as("b.jsonl has no prices").isTrue();
    }
}
