package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputParserExampleTest {

    @Test
    void extractsARecordAndShowsTheOtherParsers() throws Exception {
        String out = ExampleRun.output(() -> OutputParserExample.main(new String[0]));
        assertThat(out).contains("\"name\":{\"type\":\"string\",\"description\":\"the person's full name\"}")
                .contains("\"required\":[\"name\",\"age\",\"languages\"]")
                .contains("Text: Grace Hopper, 85, created COBOL.")
                .contains("extracted: Person[name=Grace Hopper, age=85, languages=[COBOL, FLOW-MATIC]]")
                .contains("list: [red, green, blue]")
                .contains("step: {}")
                .contains("step: {\"city\":\"Paris\",\"sights\":[\"Louvre\",\"Eiffel Tower\"]}")
                .contains("fixed: Person[name=Ada Lovelace, age=36, languages=[]]");
        assertThat(out.lines().filter(l -> l.startsWith("step: ")).count()).isGreaterThan(2);
    }
}
