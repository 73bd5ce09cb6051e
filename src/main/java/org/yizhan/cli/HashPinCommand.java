package org.yizhan.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.yizhan.config.PinHash;
import picocli.CommandLine.Command;

/**
 * {@code hash-pin}: reads a PIN (typed twice on a terminal, or one line on standard input) and prints its salted
 * slow hash, the line a window's {@code "pin"} in DATA/windows.json takes. The PIN is never an argument: it
 * would stay in the shell's history and show in the process list.
 */
@Command(name = "hash-pin", mixinStandardHelpOptions = true,
        description = {"Reads a PIN of 4 to 12 digits and prints the hash to paste as a window's \"pin\" in "
                + "DATA/windows.json (docs/counter.md), or as technician.pin= in kiosk.properties (docs/technician.md). "
                + "On a terminal it asks twice; otherwise it reads one line.",
                "Example: yizhan hash-pin"})
final class HashPinCommand implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
        Console console = System.console();
        String pin;
        if (console != null) {
            char[] first = console.readPassword("PIN (4 to 12 digits): ");
            char[] second = console.readPassword("the same PIN again: ");
            if (first == null || second == null || !new String(first).equals(new String(second))) {
                System.err.println("hash-pin: the two PINs are not the same; nothing printed");
                return 1;
            }
            pin = new String(first).strip();
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            pin = line == null ? "" : line.strip();
        }
        if (!PinHash.PIN.matcher(pin).matches()) {
            System.err.println("hash-pin: a PIN is 4 to 12 digits (0-9); nothing printed");
            return 1;
        }
        System.out.println(PinHash.of(pin));
        return 0;
    }
}
