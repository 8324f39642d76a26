package io.github.groundedbot;

import io.github.groundedbot.curation.KnowledgeCheckCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point. {@code check [folder]} runs the knowledge tests of a fact base and exits (see
 * {@link KnowledgeCheckCommand}); anything else starts the bot.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0 && KnowledgeCheckCommand.NAME.equals(args[0])) {
            KnowledgeCheckCommand.launch(args);
        } else {
            Quarkus.run(args);
        }
    }
}
