package org.yizhan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.yizhan.catalog.bundle.Ed25519Keys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keygen --out DIR [--name NAME]}: the publisher's Ed25519 key pair. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Writes an Ed25519 key pair for signing catalog bundles: NAME.key (keep it secret, on the "
                + "publishing machine only) and NAME.pub (give it to every kiosk: sync.public-key).")
final class KeygenCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Directory to write to (default: .).")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "publisher", description = "File name stem (default: ${DEFAULT-VALUE}).")
    String name;

    @Override
    public Integer call() {
        Path privateFile = out.resolve(name + ".key");
        Path publicFile = out.resolve(name + ".pub");
        Optional<String> problem = FileProblems.unwritableFolder(out).map(p -> "cannot write keys into --out " + out + ": " + p);
        if (problem.isEmpty() && Files.exists(privateFile)) {
            problem = Optional.of(privateFile + " already exists, and keygen never overwrites a private key; give another "
                    + "--name (e.g. " + name + "-2027) or --out");
        }
        if (problem.isPresent()) {
            System.err.println("keygen: " + problem.get());
            return 1;
        }
        KeyPair pair = Ed25519Keys.generate();
        try {
            Ed25519Keys.write(pair, privateFile, publicFile);
        } catch (IOException e) {
            System.err.println("keygen: could not write the key pair into " + out + ": " + FileProblems.describe(e));
            return 1;
        }
        System.out.println("private key: " + privateFile.toAbsolutePath() + " (keep it secret; publish --key uses it)");
        System.out.println("public key:  " + publicFile.toAbsolutePath() + " (copy it to each kiosk; sync.public-key names it)");
        System.out.println("key id:      " + Ed25519Keys.keyId(pair.getPublic()));
        return 0;
    }
}
