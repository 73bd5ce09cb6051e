import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Prints the ten slowest test classes of the last run (surefire and failsafe reports). Run: java .ci/Slowest.java */
public class Slowest {
    public static void main(String[] args) throws IOException {
        Pattern suite = Pattern.compile("<testsuite [^>]*");
        Pattern name = Pattern.compile(" name=\"([^\"]*)\"");
        Pattern time = Pattern.compile(" time=\"([^\"]*)\"");
        Map<String, Double> times = new HashMap<>();
        for (String dir : new String[] {"target/surefire-reports", "target/failsafe-reports"}) {
            if (!Files.isDirectory(Path.of(dir))) {
                continue;
            }
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path f : files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                    String head = Files.readString(f);
                    Matcher s = suite.matcher(head.substring(0, Math.min(head.length(), 8192)));
                    if (!s.find()) {
                        continue;
                    }
                    Matcher n = name.matcher(s.group());
                    Matcher t = time.matcher(s.group());
                    if (n.find() && t.find()) {
                        times.merge(n.group(1).split("\\$")[0], Double.parseDouble(t.group(1).replace(",", "")), Double::sum);
                    }
                }
            }
        }
        if (times.isEmpty()) {
            return;
        }
        double total = times.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("ci: the ten slowest test classes (%d classes, %.0f s in all):%n", times.size(), total);
        times.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
                .forEach(e -> System.out.printf("ci:   %7.1f s  %s%n", e.getValue(),
                        e.getKey().substring(e.getKey().lastIndexOf('.') + 1)));
    }
}
