package org.yizhan.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** One command run as `java -jar yizhan.jar …` would run it: exit code, standard output lines, standard error. */
record CommandRun(int code, List<String> out, String err) {

    static CommandRun of(String... args) {
        return withEnvironment(System.getenv(), args);
    }

    /** As {@link #of}, with {@code environment} where the command looks for YIZHAN_CONFIG. */
    static CommandRun withEnvironment(java.util.Map<String, String> environment, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            YizhanCommand command = new YizhanCommand();
            command.environment = environment;
            int code = new CommandLine(command).execute(args);
            String text = o.toString(StandardCharsets.UTF_8);
            return new CommandRun(code, text.isEmpty() ? List.of() : List.of(text.split("\\R")), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
