package dev.catena.agents.toolkits;

import dev.catena.core.tools.Tool;
import dev.catena.core.tools.ToolExecutionException;
import java.util.List;

/**
 * A toolkit with one tool, {@code calculator}, that evaluates arithmetic with the {@link Calculator}
 * (its own parser; no script engine, no code execution). A bad expression throws
 * {@link ToolExecutionException} whose message names the position and what was expected, so the
 * model can fix the expression and call again.
 */
public final class MathToolkit implements Toolkit {

    private static final String SCHEMA = """
            {"type": "object",
             "properties": {"expression": {"type": "string",
               "description": "arithmetic such as (2 + 3) * sqrt(16) / 4; operators + - * / % ^, constants pi and e"}},
             "required": ["expression"],
             "additionalProperties": false}""";

    private final Calculator calculator = new Calculator();

    /** Creates the toolkit. */
    public MathToolkit() {
    }

    /**
     * The {@code calculator} tool.
     *
     * @return the tool, which evaluates an arithmetic expression
     */
    public Tool calculatorTool() {
        return new ToolkitTool("calculator",
                "Evaluates an arithmetic expression exactly (0.1 + 0.2 = 0.3) and returns the number. Functions: "
                        + "sqrt, pow, log (base 10, or log(x, base)), ln, exp, sin, cos, tan (radians), abs, min, max, "
                        + "round (round(x) or round(x, digits)), floor, ceil.",
                SCHEMA, args -> {
                    try {
                        return calculator.evaluate(args.string("expression"));
                    } catch (ExpressionException e) {
                        throw new ToolExecutionException(args.tool(), e.getMessage(), e);
                    }
                });
    }

    @Override
    public List<Tool> tools() {
        return List.of(calculatorTool());
    }
}
