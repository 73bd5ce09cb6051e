package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's keygen, import and publish keep the private key and the county's catalog out of a commit. */
class ReadmePathsTest {
    private static final Pattern COMMAND = Pattern.compile("yizhan\\.jar (keygen|import|publish) (.*)");
    private static final Pattern PATH = Pattern.compile("--(out|key|catalog) (\\S+)");

    /** Each path the README's keygen, import and publish lines name, as {@code command path}. */
    private static List<String> readmePaths() throws IOException {
        String readme = Files.readString(Path.of("README.md")).replace("\\\n", " ");
        List<String> paths = new ArrayList<>();
        for (Matcher line = COMMAND.matcher(readme); line.find(); ) {
            for (Matcher path = PATH.matcher(line.group(2)); path.find(); ) {
                paths.add(line.group(1) + " " + path.group(2));
            }
        }
        assertTrue(paths.size() >= 5, "the README no longer shows keygen, import and publish: " + paths);
        return paths;
    }

    @Test
    void theReadmeWritesKeysAndCatalogsOutsideTheCheckout() throws IOException {
        for (String path : readmePaths()) {
            String file = path.substring(path.indexOf(' ') + 1);
            assertTrue(file.startsWith("~/") || file.startsWith("/") || file.startsWith("../"), path);
        }
    }

    /** Run inside the checkout anyway (its paths taken relative to it), nothing it writes would be committed. */
    @Test
    void whatTheReadmesCommandsWriteIsIgnoredIfItSitsInTheTree() throws IOException {
        List<String> written = new ArrayList<>(List.of("keys/publisher.key", "keys/publisher.pub", "publisher.key",
                "gd-catalog.json"));
        for (String path : readmePaths()) {
            String file = path.substring(path.indexOf(' ') + 1);
            if (path.startsWith("publish --out") || file.startsWith("/srv/") || file.startsWith("../")) {
                continue; // the server's public folder, or the province's source
            }
            String inTree = file.replaceFirst("^(~|/tmp)/", "");
            written.addAll(path.startsWith("keygen") ? List.of(inTree + "/publisher.key", inTree + "/publisher.pub")
                    : List.of(inTree));
        }
        for (String path : written) {
            assertTrue(ignored(path), path + " is not ignored by .gitignore");
            assertTrue(ignored("tools/" + path), "tools/" + path + " is not ignored by .gitignore");
        }
        for (String tracked : List.of("kiosk.properties", "assets/catalog/demo-catalog.json", "pom.xml",
                "src/main/java/org/yizhan/cli/Launcher.java")) {
            assertFalse(ignored(tracked), tracked + " would be ignored");
        }
    }

    /** Git's rule as .gitignore uses it here: a glob matches any path component, and with a final / only folders. */
    private static boolean ignored(String path) throws IOException {
        String[] parts = path.split("/");
        for (String rule : Files.readAllLines(Path.of(".gitignore"))) {
            rule = rule.strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            boolean folder = rule.endsWith("/");
            String glob = folder ? rule.substring(0, rule.length() - 1) : rule;
            assertFalse(glob.contains("/") || glob.startsWith("!"), "this test reads only simple rules: " + rule);
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            for (int i = 0; i < parts.length; i++) {
                if ((i < parts.length - 1 || !folder) && matcher.matches(Path.of(parts[i]))) {
                    return true;
                }
            }
        }
        return false;
    }
}
