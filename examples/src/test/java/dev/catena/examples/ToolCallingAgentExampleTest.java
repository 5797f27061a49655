package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToolCallingAgentExampleTest {

    @Test
    void twoCallsInOrderAWrongUnitCorrectedAndTheStreamedAnswer() throws Exception {
        List<String> lines = ExampleRun.lines(() -> ToolCallingAgentExample.main(new String[0]));

        assertThat(lines).containsExactly(
                "action: weather {\"city\":\"Oslo\",\"unit\":\"CELSIUS\"}",
                "action: weather {\"city\":\"Paris\",\"unit\":\"kelvin\"}",
                "observation: 4.0 °C",
                "observation: tool 'weather' failed: argument 'unit' must be one of [CELSIUS, FAHRENHEIT], got \"kelvin\";"
                        + " call the tool again with corrected arguments",
                "action: weather {\"city\":\"Paris\",\"unit\":\"CELSIUS\"}",
                "observation: 11.0 °C",
                "answer: Paris is warmer: 11.0 °C against 4.0 °C in Oslo. (FINISHED)");
    }
}
