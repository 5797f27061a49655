package dev.catena.agents.toolkits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.tools.Tool;
import dev.catena.core.tools.ToolExecutionException;
import org.junit.jupiter.api.Test;

class CalculatorTest {

    private final Calculator calculator = new Calculator();

    @Test
    void decimalArithmeticIsExact() {
        assertThat(calculator.evaluate("0.1 + 0.2")).isEqualTo("0.3");
        assertThat(calculator.evaluate("1.10 * 3")).isEqualTo("3.3");
        assertThat(calculator.evaluate("2^100")).isEqualTo("1267650600228229401496703205376");
        assertThat(calculator.evaluate("7 / 4")).isEqualTo("1.75");
        assertThat(calculator.evaluate("1 / 3")).isEqualTo("0.333333333333333");
        assertThat(calculator.evaluate("10 % 4")).isEqualTo("2");
        assertThat(calculator.evaluate("2^-2")).isEqualTo("0.25");
    }

    @Test
    void precedenceParenthesesAndUnaryMinus() {
        assertThat(calculator.evaluate("2 + 3 * 4")).isEqualTo("14");
        assertThat(calculator.evaluate("(2 + 3) * 4")).isEqualTo("20");
        assertThat(calculator.evaluate("-2^2")).isEqualTo("-4");
        assertThat(calculator.evaluate("(-2)^2")).isEqualTo("4");
        assertThat(calculator.evaluate("2^3^2")).isEqualTo("512");
        assertThat(calculator.evaluate("10 - 4 - 3")).isEqualTo("3");
        assertThat(calculator.evaluate("--3 - -2")).isEqualTo("5");
        assertThat(calculator.evaluate("1.5e3 + 1")).isEqualTo("1501");
    }

    @Test
    void functionsAndConstants() {
        assertThat(calculator.evaluate("sqrt(16)")).isEqualTo("4");
        assertThat(calculator.evaluate("sqrt(2)^2")).isEqualTo("2");
        assertThat(calculator.evaluate("pow(2, 10)")).isEqualTo("1024");
        assertThat(calculator.evaluate("log(1000)")).isEqualTo("3");
        assertThat(calculator.evaluate("log(8, 2)")).isEqualTo("3");
        assertThat(calculator.evaluate("ln(e)")).isEqualTo("1");
        assertThat(calculator.evaluate("exp(0)")).isEqualTo("1");
        assertThat(calculator.evaluate("sin(pi / 2)")).isEqualTo("1");
        assertThat(calculator.evaluate("cos(0) + tan(0)")).isEqualTo("1");
        assertThat(calculator.evaluate("abs(-3) + min(4, 2, 8) + max(1, 5)")).isEqualTo("10");
        assertThat(calculator.evaluate("round(2.345, 2) + floor(1.9) + ceil(1.1)")).isEqualTo("5.35");
        assertThat(calculator.evaluate("round(2.5)")).isEqualTo("3");
        assertThat(calculator.evaluate("pi")).isEqualTo("3.14159265358979");
    }

    @Test
    void errorsNameThePosition() {
        assertThatThrownBy(() -> calculator.evaluate("(1 + 2))"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("unexpected ')' at position 8")
                .satisfies(e -> assertThat(((ExpressionException) e).position()).isEqualTo(8));
        assertThatThrownBy(() -> calculator.evaluate("(1 + 2"))
                .hasMessageContaining("missing ')' for the '(' at position 1");
        assertThatThrownBy(() -> calculator.evaluate("1 / (2 - 2)")).hasMessage("division by zero at position 3");
        assertThatThrownBy(() -> calculator.evaluate("sqrt(-1)")).hasMessageContaining("sqrt of a negative number");
        assertThatThrownBy(() -> calculator.evaluate("min()")).hasMessageContaining("min takes at least one argument");
        assertThatThrownBy(() -> calculator.evaluate("2 *")).hasMessageContaining("ends where a number");
        assertThatThrownBy(() -> calculator.evaluate("exp(1000)")).hasMessageContaining("is not a finite number");
        assertThatThrownBy(() -> calculator.evaluate(" ")).hasMessageContaining("empty");
    }

    @Test
    void codeIsRefusedAsUnknownNames() {
        assertThatThrownBy(() -> calculator.evaluate("java.lang.Runtime.getRuntime().exec(\"x\")"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("unknown name 'java' at position 1");
        assertThatThrownBy(() -> calculator.evaluate("exec(\"rm\")"))
                .hasMessageStartingWith("unknown name 'exec' at position 1");
    }

    @Test
    void aSecondStatementIsRefused() {
        assertThatThrownBy(() -> calculator.evaluate("1;2")).hasMessageStartingWith("unexpected ';' at position 2");
    }

    @Test
    void deepNestingIsRefusedWithoutExhaustingTheStack() {
        String nested = "(".repeat(4_000) + "1" + ")".repeat(4_000);
        assertThatThrownBy(() -> calculator.evaluate(nested))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("nests deeper than " + Calculator.MAX_DEPTH + " levels");
        assertThatThrownBy(() -> calculator.evaluate("-".repeat(5_000) + "1"))
                .hasMessageContaining("nests deeper than");
        assertThatThrownBy(() -> calculator.evaluate("sqrt(".repeat(1_000) + "1" + ")".repeat(1_000)))
                .hasMessageContaining("nests deeper than");
        String fine = "(".repeat(50) + "1" + ")".repeat(50);
        assertThat(calculator.evaluate(fine)).isEqualTo("1");
    }

    @Test
    void hundredThousandOpeningParenthesesAndLongInputAreRefusedByLength() {
        assertThatThrownBy(() -> calculator.evaluate("(".repeat(100_000)))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("100000 characters long, over the limit of " + Calculator.MAX_LENGTH);
        assertThatThrownBy(() -> calculator.evaluate("1+".repeat(6_000) + "1"))
                .hasMessageContaining("over the limit");
    }

    @Test
    void hugeNumbersStayBounded() {
        assertThatThrownBy(() -> calculator.evaluate("1e999999999")).hasMessageContaining("out of range");
        assertThat(calculator.evaluate("9^5000")).hasSize(4772);
        assertThat(calculator.evaluate("1e5000 * 1e5000")).isEqualTo("1E+10000");
        assertThatThrownBy(() -> calculator.evaluate("9^20000")).hasMessageContaining("is not a finite number");
        assertThatThrownBy(() -> calculator.evaluate("(1e9000)^10000")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> calculator.evaluate("round(1, 1000000000)")).hasMessageContaining("at most 100 digits");
    }

    @Test
    void theToolReadsJsonArgumentsAndReportsErrorsForTheModel() {
        Tool tool = new MathToolkit().tools().get(0);
        assertThat(tool.spec().name()).isEqualTo("calculator");
        assertThat(tool.spec().parameters()).containsEntry("required", java.util.List.of("expression"));
        assertThat(tool.execute("{\"expression\": \"(2 + 3) * 4\"}")).isEqualTo("20");
        assertThatThrownBy(() -> tool.execute("{\"expression\": \"2 +* 3\"}"))
                .isInstanceOf(ToolExecutionException.class)
                .hasMessage("tool 'calculator' failed: unexpected '*' at position 4; only numbers, + - * / % ^, "
                        + "parentheses, pi, e and the functions abs, ceil, cos, exp, floor, ln, log, max, min, pow, "
                        + "round, sin, sqrt, tan are understood");
        assertThatThrownBy(() -> tool.execute("{}")).hasMessageContaining("the argument 'expression' is missing");
        assertThatThrownBy(() -> tool.execute("{\"expression\": 3}"))
                .hasMessageContaining("the argument 'expression' must be a string, not number 3");
        assertThatThrownBy(() -> tool.execute("not json")).hasMessageContaining("not valid JSON");
    }
}
