package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionExampleTest {

    @Test
    void extractsRecordsThreeWays() throws Exception {
        List<String> lines = ExampleRun.lines(() -> ExtractionExample.main(new String[0]));

        assertThat(lines).containsExactly(
                "schema in the prompt: [Person[name=Alice, age=30, city=Hangzhou], Person[name=Bob, age=27, city=Beijing]]",
                "native JSON schema: Person[name=Alice, age=30, city=Hangzhou]",
                "response format sent: JSON_SCHEMA named Person",
                "fixed: Person[name=Bob, age=27, city=Beijing]",
                "fix requests: 1");
    }
}
