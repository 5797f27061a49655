package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompositionExampleTest {

    @Test
    void showsEachWayToCompose() throws Exception {
        String out = ExampleRun.output(() -> CompositionExample.main(new String[0]));
        assertThat(out).contains("query=天道酬勤  ->prompt=请给我解释一下天道酬勤的意思\n天道酬勤是指上天会酬报勤奋的人")
                .contains("batch=[1, 2, 3]")
                .contains("parallel={length=6, upper=CATENA}")
                .contains("assign={concept=勤能补拙, prompt=请给我解释一下勤能补拙的意思}")
                .contains("retry=done after 3 attempts")
                .contains("fallback=backup answered hello")
                .contains("stream=天|道|酬|勤|是|指|上|天|会|酬|报|勤|奋|的|人|：|只|要|坚|持|不|懈|地|努|力|，|就|会|得|到|回|报|。|");
    }
}
