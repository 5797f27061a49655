package dev.catena.agents;

import dev.catena.core.OutputParserException;

/**
 * A ReAct reply did not follow the format; {@link #observation()} is what the model is told so it
 * can answer again in the right format.
 */
public class ReActFormatException extends OutputParserException {

    /** What the model is told, for {@link #observation()}. */
    private final String observation;

    /**
     * A malformed ReAct reply.
     *
     * @param observation what is wrong, in words for the model (LangChain's wording where it has one)
     * @param rawOutput the model's reply
     */
    public ReActFormatException(String observation, String rawOutput) {
        super(observation, rawOutput, "'Action:' and 'Action Input:' lines, or a 'Final Answer:' line");
        this.observation = observation;
    }

    /** {@return what the model is told about the format error} */
    public String observation() {
        return observation;
    }
}
