package dev.catena.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The cases of LangChain's MRKL output parser tests. */
class ReActOutputParserTest {

    private final ReActOutputParser parser = new ReActOutputParser();

    @Test
    void actionAndActionInput() {
        assertThat(parser.parse("I can use the `foo` tool to achieve the goal.\n    Action: foo\n    Action Input: bar"))
                .isEqualTo(new ReActOutputParser.Action("foo", "bar"));
        assertThat(parser.parse("Thought: I need to search for NBA\nAction: Search\nAction Input: NBA"))
                .isEqualTo(new ReActOutputParser.Action("Search", "NBA"));
    }

    @Test
    void whitespaceNewlinesNumbersAndQuotesAroundTheInput() {
        assertThat(parser.parse("Thought: I need to search for NBA\nAction: Search \nAction Input:   NBA  "))
                .isEqualTo(new ReActOutputParser.Action("Search", "NBA"));
        assertThat(parser.parse("Thought: x\nAction:\nSearch\nAction Input:\n\"NBA\""))
                .isEqualTo(new ReActOutputParser.Action("Search", "NBA"));
        assertThat(parser.parse("Action 1: Search\nAction 1 Input 1: NBA"))
                .isEqualTo(new ReActOutputParser.Action("Search", "NBA"));
    }

    @Test
    void aSqlQueryKeepsItsQuotes() {
        assertThat(parser.parse("Thought: query\nAction: SQL\nAction Input: SELECT * FROM foo WHERE bar = \"baz\""))
                .isEqualTo(new ReActOutputParser.Action("SQL", "SELECT * FROM foo WHERE bar = \"baz\""));
    }

    @Test
    void finalAnswerIsTheTextAfterTheLastMarker() {
        assertThat(parser.parse("Thought: I can now answer the question\nFinal Answer: 1994"))
                .isEqualTo(new ReActOutputParser.Answer("1994"));
        assertThat(parser.parse("Thought: I can now answer\nFinal Answer:\n1994\n1993"))
                .isEqualTo(new ReActOutputParser.Answer("1994\n1993"));
    }

    @Test
    void aFinalAnswerBeforeAnActionWinsAndEndsAtTheBlankLine() {
        assertThat(parser.parse("Final Answer: The best pizza to eat is margaritta\n\n        Action: foo\n        Action Input: bar\n"))
                .isEqualTo(new ReActOutputParser.Answer("The best pizza to eat is margaritta"));
    }

    @Test
    void anActionBeforeAFinalAnswerIsAnError() {
        assertThatThrownBy(() -> parser.parse("Action: foo\nAction Input: bar\nFinal Answer: 42"))
                .isInstanceOfSatisfying(ReActFormatException.class, e -> assertThat(e.observation())
                        .startsWith(ReActOutputParser.FINAL_ANSWER_AND_ACTION));
    }

    @Test
    void aMissingActionOrActionInputIsNamed() {
        assertThatThrownBy(() -> parser.parse("I can use the `foo` tool to achieve the goal."))
                .isInstanceOfSatisfying(ReActFormatException.class,
                        e -> assertThat(e.observation()).isEqualTo(ReActOutputParser.MISSING_ACTION));
        assertThatThrownBy(() -> parser.parse("I can use the `foo` tool to achieve the goal.\n    Action: foo\n    Action Inpt: bar"))
                .isInstanceOfSatisfying(ReActFormatException.class,
                        e -> assertThat(e.observation()).isEqualTo(ReActOutputParser.MISSING_ACTION_INPUT));
    }

    @Test
    void textTheModelWritesAfterTheInputAsItsOwnObservationIsDropped() {
        assertThat(parser.parse("Thought: look it up\nAction: Search\nAction Input: NBA\nObservation: founded in 1946\nThought: done"))
                .isEqualTo(new ReActOutputParser.Action("Search", "NBA"));
        assertThat(parser.parse("Action: Search\nAction Input: {\"q\": \"NBA\"}\nmore text the model added"))
                .isEqualTo(new ReActOutputParser.Action("Search", "{\"q\": \"NBA\"}\nmore text the model added"));
    }
}
