package dev.catena.examples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs an example's main as a user would and returns what it printed, so tests check real output. */
final class ExampleRun {

    /** An example's main. */
    interface Main {
        void run() throws Exception;
    }

    private ExampleRun() {
    }

    /** Everything the example printed to standard output. */
    static String output(Main main) throws Exception {
        return output(main, "");
    }

    /** As {@link #output(Main)}, with {@code input} typed on standard input. */
    static String output(Main main, String input) throws Exception {
        PrintStream originalOut = System.out;
        InputStream originalIn = System.in;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(originalOut);
            System.setIn(originalIn);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        originalOut.print(out); // keep it visible in the test log
        return out;
    }

    /** The printed lines. */
    static List<String> lines(Main main) throws Exception {
        return output(main).lines().toList();
    }
}
