package io.github.groundedbot;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * The log lines one class writes during a test, formatted, for tests that check what an operator
 * is told. They are kept out of the console while captured.
 */
public final class CapturedLog implements BeforeEachCallback, AfterEachCallback {

    private final Logger logger;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ExtHandler handler = new ExtHandler() {
        @Override
        protected void doPublish(ExtLogRecord record) {
            lines.add(record.getFormattedMessage());
        }
    };

    public CapturedLog(Class<?> source) {
        this.logger = Logger.getLogger(source.getName());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        lines.clear();
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(true);
    }

    /** The lines logged since the last call, oldest first. */
    public List<String> take() {
        List<String> taken = List.copyOf(lines);
        lines.removeAll(taken);
        return taken;
    }
}
