package org.yizhan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** This java and this jar (or classes folder, from an IDE or a test), for a child JVM a benchmark starts. */
public record SameJar(Path java, Path code) {

    public static SameJar current() throws java.net.URISyntaxException {
        return new SameJar(Path.of(System.getProperty("java.home"), "bin", "java"),
                Path.of(SameJar.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }

    /** {@code java OPTIONS -jar yizhan.jar ARGS}, the way a kiosk is started. */
    public List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        if (Files.isDirectory(code)) {
            command.addAll(List.of("-cp", code.toString(), "org.yizhan.cli.Launcher"));
        } else {
            command.addAll(List.of("-jar", code.toString()));
        }
        command.addAll(args);
        return command;
    }
}
