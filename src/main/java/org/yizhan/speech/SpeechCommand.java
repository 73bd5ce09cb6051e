package org.yizhan.speech;

import java.util.List;

/**
 * One process that reads a text: its command line, started without a shell, and what it is given on its standard
 * input. The text travels on the input, never in the arguments, so nothing in it is ever read as an option or a
 * command, and it does not show in the machine's process list.
 */
public record SpeechCommand(List<String> argv, String stdin) {

    public SpeechCommand {
        argv = List.copyOf(argv);
    }
}
