package org.yizhan.ui.problem;

import java.util.List;
import org.yizhan.ui.Messages;

/**
 * The technician's page shown instead of the kiosk when it cannot start (a bad kiosk.properties):
 * every problem with its key, value and what is expected.
 */
public final class ProblemViewModel {

    /**
     * One problem. {@code key} and {@code value} are empty for a problem of the whole file (not found, not
     * UTF-8); {@code value} is empty for a key the file does not set. {@code explanation} is read first, in
     * the page's language; {@code detail}, the loader's exact finding in English, follows in small type.
     */
    public record Problem(String key, String value, String explanation, String detail) {
        public boolean concernsFile() {
            return key.isEmpty() && value.isEmpty();
        }
    }

    private final Messages messages;
    private final String file;
    private final List<Problem> problems;
    private final Runnable exit;

    public ProblemViewModel(Messages messages, String file, List<Problem> problems, Runnable exit) {
        this.messages = messages;
        this.file = file;
        this.problems = List.copyOf(problems);
        this.exit = exit;
    }

    public String title() {
        return messages.get("problem.title");
    }

    public String intro() {
        return messages.get("problem.intro");
    }

    public String fileText() {
        return messages.format("problem.file", file);
    }

    public List<Problem> problems() {
        return problems;
    }

    public String label(String key) {
        return messages.get(key);
    }

    public void exit() {
        exit.run();
    }
}
